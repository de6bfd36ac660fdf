package dk.servicepuls.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

class IndexSelectionTests {

    private static final List<IndexKey> ID = List.of(new IndexKey("_id", true));

    private static final List<IndexKey> TENANT_AND_NUMBER = List.of(new IndexKey("tenant", true),
            new IndexKey("number", true));

    @Test
    void aValueEqualityOrListOnTheKeyIsLeftOutOfWhatIsStillMatched() {
        assertThat(IndexSelection.residualAfter(ID, new Document("_id", "a").append("version", 3)))
                .isEqualTo(new Document("version", 3));
        assertThat(IndexSelection.residualAfter(ID, new Document("_id", new Document("$in", List.of("a", "b")))))
                .isEmpty();
        assertThat(IndexSelection.residualAfter(ID, new Document("_id", new Document("$eq", "a")))).isEmpty();
        assertThat(IndexSelection.residualAfter(TENANT_AND_NUMBER,
                new Document("tenant", "t1").append("number", 5).append("status", "open")))
                .isEqualTo(new Document("status", "open"));
    }

    @Test
    void aCriterionTheLookupDoesNotAnswerExactlyStaysToBeMatched() {
        List<Document> queries = List.of(
                new Document("_id", Pattern.compile("^a")),
                new Document("_id", new Document("$in", List.of("a")).append("$ne", "b")),
                new Document("_id", new Document("$gt", "a")),
                new Document("_id", new Document("$in", java.util.Arrays.asList("a", null))),
                new Document("$and", List.of(new Document("_id", "a"))),
                new Document("tenant", "t1").append("number", new Document("$in", List.of(1, 2))));
        for (Document query : queries) {
            List<IndexKey> keys = query.containsKey("tenant") ? TENANT_AND_NUMBER : ID;
            assertThat(IndexSelection.residualAfter(keys, query)).as(query.toString()).isSameAs(query);
        }
    }
}
