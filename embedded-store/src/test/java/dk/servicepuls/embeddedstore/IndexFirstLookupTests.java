package dk.servicepuls.embeddedstore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoQueryException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IndexFirstLookupTests {

    @TempDir
    Path directory;

    private RunningStore store;

    private MongoCollection<Document> cases;

    private void open(String kind) {
        this.store = RunningStore.of(kind, this.directory);
        this.cases = this.store.database().getCollection("cases");
        List<Document> documents = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            documents.add(new Document("_id", "case-" + i).append("version", i % 3).append("status",
                    i % 2 == 0 ? "open" : "closed").append("tenant", "t" + (i % 4)).append("number", i));
        }
        this.cases.insertMany(documents);
        this.store.scanGuard.reset();
    }

    @AfterEach
    void close() {
        if (this.store != null) {
            this.store.close();
        }
    }

    private List<Object> ids(Bson filter) {
        List<Object> ids = new ArrayList<>();
        this.cases.find(filter).forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "file" })
    void anIdWithFurtherCriteriaIsOneLookupFilteredByTheWholeQuery(String kind) {
        open(kind);

        assertThat(ids(and(eq("_id", "case-4"), eq("version", 1)))).containsExactly("case-4");
        assertThat(ids(and(eq("_id", "case-4"), eq("version", 2)))).isEmpty();
        assertThat(ids(and(eq("_id", "case-4"), eq("status", "open"), gt("number", 3)))).containsExactly("case-4");
        assertThat(ids(and(eq("_id", "no-such-case"), eq("version", 1)))).isEmpty();
        assertThat(ids(new Document("_id", new Document("$eq", "case-5")).append("status", "closed")))
                .containsExactly("case-5");
        assertThat(ids(new Document("$and", List.of(new Document("_id", "case-6"), new Document("version", 0)))))
                .containsExactly("case-6");
        assertThat(this.cases.countDocuments(and(eq("_id", "case-4"), eq("version", 1)))).isEqualTo(1);

        assertThat(this.store.scanGuard.scans()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "file" })
    void anIdInAListWithFurtherCriteriaLooksUpOnlyTheListedIds(String kind) {
        open(kind);

        assertThat(ids(and(in("_id", "case-1", "case-2", "case-3", "nope"), eq("status", "open"))))
                .containsExactly("case-2");
        assertThat(ids(and(in("_id", List.of()), eq("status", "open")))).isEmpty();
        assertThat(this.cases.countDocuments(and(in("_id", "case-1", "case-3", "case-5"), eq("status", "closed"))))
                .isEqualTo(3);

        assertThat(this.store.scanGuard.scans()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "file" })
    void anUpdateGuardedByTheVersionChangesTheDocumentOnlyWhileTheVersionMatches(String kind) {
        open(kind);

        UpdateResult first = this.cases.updateOne(and(eq("_id", "case-7"), eq("version", 1)),
                Updates.combine(Updates.set("version", 2), Updates.set("status", "open")));
        UpdateResult stale = this.cases.updateOne(and(eq("_id", "case-7"), eq("version", 1)),
                Updates.set("status", "lost update"));

        assertThat(first.getMatchedCount()).isEqualTo(1);
        assertThat(first.getModifiedCount()).isEqualTo(1);
        assertThat(stale.getMatchedCount()).isZero();
        assertThat(this.cases.find(eq("_id", "case-7")).first()).containsEntry("version", 2)
                .containsEntry("status", "open");
        Document returned = this.cases.findOneAndUpdate(and(eq("_id", "case-7"), eq("version", 2)),
                Updates.inc("version", 1), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        assertThat(returned).containsEntry("version", 3);
        assertThat(this.cases.findOneAndUpdate(and(eq("_id", "case-7"), eq("version", 2)), Updates.inc("version", 1)))
                .isNull();
        assertThat(this.cases.deleteOne(and(eq("_id", "case-8"), eq("version", 0))).getDeletedCount()).isZero();
        assertThat(this.cases.deleteOne(and(eq("_id", "case-8"), eq("version", 2))).getDeletedCount()).isOne();
        assertThat(this.cases.estimatedDocumentCount()).isEqualTo(19);

        assertThat(this.store.scanGuard.scans()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "file" })
    void anUpsertByIdAndVersionInsertsWhenNoDocumentMatches(String kind) {
        open(kind);

        UpdateResult created = this.cases.updateOne(and(eq("_id", "case-new"), eq("version", 0)),
                Updates.set("status", "open"), new UpdateOptions().upsert(true));
        UpdateResult updated = this.cases.updateOne(and(eq("_id", "case-new"), eq("version", 0)),
                Updates.set("status", "closed"), new UpdateOptions().upsert(true));

        assertThat(created.getUpsertedId()).isNotNull();
        assertThat(updated.getMatchedCount()).isOne();
        assertThat(this.cases.find(eq("_id", "case-new")).first()).containsEntry("version", 0)
                .containsEntry("status", "closed");
        assertThat(this.store.scanGuard.scans()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "file" })
    void allKeysOfAUniqueIndexWithEqualityAreOneLookupToo(String kind) {
        open(kind);
        this.cases.createIndex(Indexes.ascending("tenant", "number"), new IndexOptions().unique(true));
        this.store.scanGuard.reset();

        assertThat(ids(and(eq("tenant", "t1"), eq("number", 5), eq("status", "closed")))).containsExactly("case-5");
        assertThat(ids(and(eq("tenant", "t1"), eq("number", 5), eq("status", "open")))).isEmpty();

        assertThat(this.store.scanGuard.scans()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "file" })
    void whatALookupAnsweredMatchesAsTheMatcherWouldAndTheRestIsStillMatched(String kind) {
        open(kind);
        this.cases.createIndex(Indexes.ascending("tenant", "number"), new IndexOptions().unique(true));
        this.cases.insertOne(new Document("_id", new Document("source", "/a").append("id", "1")).append("status", "open"));
        this.store.scanGuard.reset();

        // numbers by value, as the matcher compares them
        assertThat(ids(and(eq("tenant", "t1"), eq("number", 5.0)))).containsExactly("case-5");
        assertThat(ids(and(eq("tenant", "t1"), eq("number", 5L), eq("status", "open")))).isEmpty();
        // a document _id field by field
        assertThat(ids(in("_id", new Document("source", "/a").append("id", "1"), "case-2"))).hasSize(2);
        assertThat(ids(and(in("_id", new Document("source", "/a").append("id", "1")), eq("status", "closed")))).isEmpty();
        // an _id criterion inside $and beside another one on _id: both still hold
        assertThat(ids(new Document("$and", List.of(new Document("_id", new Document("$in", List.of("case-1", "case-2"))),
                new Document("_id", new Document("$ne", "case-1")))))).containsExactly("case-2");
        assertThat(ids(and(in("_id", "case-1", "case-2", "case-3"), gt("number", 1), eq("status", "closed"))))
                .containsExactly("case-3");

        assertThat(this.store.scanGuard.scans()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "file" })
    void aQueryNoIndexServesIsRecordedByItsShapeWithoutItsValues(String kind) {
        open(kind);

        assertThat(ids(and(eq("status", "open"), gt("number", 15)))).containsExactlyInAnyOrder("case-16", "case-18",
                "case-20");
        this.cases.find(Filters.exists("tenant")).first();
        this.cases.find(Filters.exists("tenant")).first();

        assertThat(this.store.scanGuard.scans()).containsExactly(
                new CollectionScan("it", "cases", "{$and: [{status: ?}, {number: {$gt: ?}}]}", 20, 1),
                new CollectionScan("it", "cases", "{tenant: {$exists: ?}}", 20, 2));
        assertThat(this.store.scanGuard.scansOfMoreThan(20)).isEmpty();
        assertThat(this.store.scanGuard.scans().toString()).doesNotContain("open", "15");
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "file" })
    void aPolicyFailsAScanOfALargerCollectionButNotALookup(String kind) {
        open(kind);
        this.store.scanGuard.policy(ScanPolicy.failAbove(10));

        assertThatExceptionOfType(MongoQueryException.class).isThrownBy(() -> ids(eq("status", "open")))
                .satisfies(ex -> assertThat(ex.getErrorCode()).isEqualTo(291))
                .withMessageContaining("it.cases holds 20 documents")
                .withMessageContaining("{status: ?}");
        assertThat(ids(and(eq("_id", "case-2"), eq("status", "open")))).containsExactly("case-2");
        assertThat(this.store.scanGuard.scans()).extracting(CollectionScan::shape).containsExactly("{status: ?}");
    }

    @org.junit.jupiter.api.Test
    void aRangeOfStringIdsIsReadFromTheDocumentsInKeyOrderWithoutAScan() {
        open("file");
        this.cases.insertMany(List.of(new Document("_id", 7).append("status", "open"),
                new Document("_id", new Document("a", "case-3")).append("status", "open"),
                new Document("_id", "case-20/x").append("status", "open")));
        this.store.scanGuard.policy(ScanPolicy.failAbove(10));

        assertThat(ids(and(Filters.gte("_id", "case-18"), Filters.lt("_id", "case-20"))))
                .containsExactly("case-18", "case-19", "case-2");
        assertThat(ids(and(gt("_id", "case-18"), Filters.lte("_id", "case-20"))))
                .containsExactly("case-19", "case-2", "case-20");
        assertThat(ids(gt("_id", "case-7"))).containsExactly("case-8", "case-9");
        assertThat(ids(Filters.lt("_id", "case-10"))).containsExactly("case-1");
        assertThat(ids(and(Filters.gte("_id", "case-20"), Filters.lt("_id", "case-21")))).containsExactly("case-20",
                "case-20/x");
        assertThat(this.cases.countDocuments(and(gt("_id", "case-1"), Filters.lt("_id", "case-11")))).isEqualTo(1);
        assertThat(this.store.scanGuard.scans()).isEmpty();

        // bounds past ASCII are ordered differently by Java and by MongoDB: not served from the key order
        assertThatExceptionOfType(MongoQueryException.class).isThrownBy(() -> ids(gt("_id", "case-\u00e6")))
                .satisfies(ex -> assertThat(ex.getErrorCode()).isEqualTo(291));
    }

}
