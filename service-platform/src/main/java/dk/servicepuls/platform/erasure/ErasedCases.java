package dk.servicepuls.platform.erasure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import dk.servicepuls.platform.store.InsertOnce;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The cases an erasure took, kept as one-way keys (SHA-256 of department and case id) so that what comes of them
 * later cannot bring them back: an event still on its way from another topic when the erasure ran (a text
 * analysis, a task announcement) would otherwise start the case afresh. Looked up by key, a batch at a time.
 */
final class ErasedCases {

    static final String COLLECTION = "erased_cases";

    private final MongoTemplate mongo;

    ErasedCases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void remember(String department, Collection<String> cases, Instant at) {
        List<Document> keys = cases.stream().map(caseId -> new Document("_id", key(department, caseId)).append("at", at))
                .toList();
        InsertOnce.Result result = InsertOnce.insert(mongo.getCollection(COLLECTION), keys);
        if (result.failure() != null) {
            throw result.failure();
        }
    }

    /** Those of the keys ({@link #key}) whose cases were erased. */
    Set<String> erasedAmong(Collection<String> keys) {
        Set<String> erased = new HashSet<>();
        if (!keys.isEmpty()) {
            Query query = Query.query(Criteria.where("_id").in(keys));
            query.fields().include("_id");
            mongo.find(query, Document.class, COLLECTION).forEach(found -> erased.add(found.getString("_id")));
        }
        return erased;
    }

    static String key(String department, String caseId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((department + '\u0000' + caseId).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
