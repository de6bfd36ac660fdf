package dk.servicepuls.embeddedstore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CollectionUtils;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that keeps its documents as {@link StoredDocument}s, serves queries from its unique indexes where
 * it can and guards its scans. Every method of the library's collection that reads or writes its data map is
 * overridden here, as that map's values are not the documents themselves.
 */
final class FileStoreCollection extends H2Collection {

    private static final String ID = "_id";

    private static final List<IndexKey> ID_KEY = List.of(new IndexKey(ID, true));

    private final MVMap<Object, StoredDocument> documents;

    private final Supplier<ScanGuard> scanGuard;

    @SuppressWarnings({ "unchecked", "rawtypes" })
    FileStoreCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, StoredDocument> documents, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
            Supplier<ScanGuard> scanGuard) {
        super(database, collectionName, options, (MVMap) documents, metaMap, cursorRegistry);
        this.documents = documents;
        this.scanGuard = scanGuard;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        StoredDocument previous = this.documents.put(Missing.ofNullable(key), StoredDocument.of(document));
        if (previous != null) {
            throw new IllegalStateException("A document with this key already existed in " + this);
        }
        return key;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        this.documents.put(Missing.ofNullable(position), StoredDocument.of(newDocument));
    }

    /**
     * Updates the documents the query finds as the library does, without its copies of each ({@link DecodedUpdates}):
     * a document read here is decoded for this command alone (or, kept as an object, is the stored one), and this
     * path never changes it: the updated document is a new one, stored in its place. An upsert that finds nothing, a
     * multi update that is a replacement (an error) and the positional operators go the library's way.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
            boolean isMulti, boolean isUpsert, Oplog oplog) {
        if (!DecodedUpdates.canMake(updateQuery) || (isMulti && !allOperators(updateQuery))) {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        int matched = 0;
        List<Object> modified = new ArrayList<>();
        for (Document decoded : queryDocuments(selector, null, 0, 0, 0, null)) {
            Document updated = DecodedUpdates.updated(this, decoded, updateQuery, arrayFilters);
            if (!updated.equals(decoded)) {
                Document stored = store(decoded, updated);
                if (!DecodedUpdates.sameValues(decoded, stored)) {
                    modified.add(stored.get(getIdField()));
                }
            }
            matched++;
            if (!isMulti) {
                break;
            }
        }
        if (matched == 0 && isUpsert) {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        oplog.handleUpdate(getFullName(), selector, updateQuery, modified);
        return new Document("n", matched).append("nModified", modified.size());
    }

    private Document store(Document old, Document updated) {
        List<Index<Object>> indexes = getIndexes();
        for (Index<Object> index : indexes) {
            index.checkUpdate(old, updated, this);
        }
        Object position = position(indexes, old);
        for (Index<Object> index : indexes) {
            index.updateInPlace(old, updated, position, this);
        }
        Document stored = DecodedUpdates.stored(old, updated);
        handleUpdate(position, old, stored);
        return stored;
    }

    private Object position(List<Index<Object>> indexes, Document document) {
        if (indexes.isEmpty()) {
            return findDocumentPosition(document);
        }
        Set<Object> positions = new HashSet<>();
        for (Index<Object> index : indexes) {
            Object position = index.getPosition(document);
            if (position != null) {
                positions.add(position);
            }
        }
        return CollectionUtils.getSingleElement(positions);
    }

    private static boolean allOperators(Document update) {
        return update.keySet().stream().allMatch(key -> key.startsWith("$"));
    }

    @Override
    protected Document getDocument(Object position) {
        StoredDocument stored = this.documents.get(position);
        return stored == null ? null : stored.document();
    }

    @Override
    protected void removeDocument(Object position) {
        if (this.documents.remove(position) == null) {
            throw new NoSuchElementException("No document with this key in " + this);
        }
    }

    @Override
    public int count() {
        return this.documents.size();
    }

    @Override
    public boolean isEmpty() {
        return this.documents.isEmpty();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return this.documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Stream<Document> all = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : this.documents.values().stream().map(StoredDocument::document);
        return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        IndexSelection.Candidates<Object> candidates = idLookup(query);
        if (candidates == null) {
            candidates = idRange(query);
        }
        if (candidates == null) {
            candidates = IndexSelection.candidates(getIndexes(), query);
        }
        if (candidates != null) {
            return matchDocuments(candidates.residual(), candidates.positions(), orderBy, numberToSkip, limit,
                    batchSize, fieldSelector);
        }
        CollectionScans.beforeScan(this.scanGuard.get(), this, query, orderBy);
        return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The documents are kept under their {@code _id}, so a string or ObjectId {@code _id} is looked up in the data
     * map straight away, without the index's key values and their normalising ({@link IdIndex} answers from the
     * same map). Only for these two types is the stored key the one the query gives; numbers, for one, are found
     * by value (1 = 1L = 1.0) and go through the index.
     */
    private IndexSelection.Candidates<Object> idLookup(Document query) {
        if (!ID.equals(getIdField())) {
            return null;
        }
        Object id = IndexSelection.plainValueOf(query, ID);
        if (!(id instanceof String) && !(id instanceof ObjectId)) {
            return null;
        }
        List<Object> found = this.documents.containsKey(id) ? List.of(id) : List.of();
        return new IndexSelection.Candidates<>(found, IndexSelection.residualAfter(ID_KEY, query));
    }

    /**
     * A range of string {@code _id}s ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, as MongoDB serves from its
     * {@code _id} index) is read from the data map in key order. The map orders strings as Java does (by UTF-16 code
     * unit) and MongoDB by their UTF-8 bytes; against bounds that are ASCII the two orders agree, so only such bounds
     * are served here. The candidates are matched against the whole query.
     */
    private IndexSelection.Candidates<Object> idRange(Document query) {
        List<Document> ranges = idRanges(query);
        if (ranges == null) {
            return null;
        }
        String from = "";
        String to = null;
        for (Document range : ranges) {
            for (Map.Entry<String, Object> bound : range.entrySet()) {
                if (!(bound.getValue() instanceof String value) || !isAscii(value)) {
                    return null;
                }
                switch (bound.getKey()) {
                    case "$gt", "$gte" -> from = value.compareTo(from) > 0 ? value : from;
                    case "$lt", "$lte" -> to = to == null || value.compareTo(to) < 0 ? value : to;
                    default -> {
                        return null;
                    }
                }
            }
        }
        List<Object> keys = new ArrayList<>();
        Iterator<Object> inOrder = this.documents.keyIterator(from);
        while (inOrder.hasNext()) {
            Object key = inOrder.next();
            if (!(key instanceof String id) || (to != null && id.compareTo(to) > 0)) {
                break;
            }
            keys.add(key);
        }
        return new IndexSelection.Candidates<>(keys, query);
    }

    /** The query's criteria on {@code _id} alone, itself or as every conjunct of its {@code $and}; else null. */
    private List<Document> idRanges(Document query) {
        if (!ID.equals(getIdField()) || query == null || query.size() != 1) {
            return null;
        }
        List<?> conjuncts = query.get("$and") instanceof List<?> list ? list : List.of(query);
        List<Document> ranges = new ArrayList<>();
        for (Object conjunct : conjuncts) {
            if (!(conjunct instanceof Document criterion) || criterion.size() != 1
                    || !(criterion.get(ID) instanceof Document range) || range.isEmpty()) {
                return null;
            }
            ranges.add(range);
        }
        return ranges.isEmpty() ? null : ranges;
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * No running total of the documents' size: the library keeps it by encoding every document written (the old and
     * the new one of an update) only to count its bytes, and by rewriting the collection's meta entry in every write,
     * which each commit then stores again. Only {@code collStats} and {@code dbStats} report it, and no part of the
     * platform asks them; they answer the size kept so far.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    public Stream<Document> queryAllAsStream() {
        return LeadingMatch.read(this, super::queryAllAsStream);
    }

}
