package dk.servicepuls.embeddedstore;

import java.util.List;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryShapeTests {

    @Test
    void keepsFieldNamesAndOperatorsAndHidesEveryValue() {
        Document query = new Document("name", "Jens Hansen")
                .append("cpr", new Document("$in", List.of("0101701234", "0202801234")))
                .append("address", new Document("city", "Aarhus"))
                .append("$or", List.of(new Document("age", new Document("$gt", 40).append("$lt", 60)),
                        new Document("email", new BsonRegularExpression("^jens", "i"))))
                .append("tags", new Document("$elemMatch", new Document("label", "vip")))
                .append("phone", new Document("$exists", true));

        String shape = QueryShape.of(query, new Document("createdAt", -1));

        assertThat(shape).isEqualTo("{name: ?, cpr: {$in: ?}, address: ?, $or: [{age: {$gt: ?, $lt: ?}}, {email: ?}],"
                + " tags: {$elemMatch: {label: ?}}, phone: {$exists: ?}} sort {createdAt}");
        assertThat(shape).doesNotContain("Jens", "0101", "Aarhus", "40", "jens", "vip", "true");
    }

    @Test
    void anEmptyQueryIsTheShapeOfReadingEverything() {
        assertThat(QueryShape.of(new Document(), null)).isEqualTo("{}");
    }

}
