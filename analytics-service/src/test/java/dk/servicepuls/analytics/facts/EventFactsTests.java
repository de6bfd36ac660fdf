package dk.servicepuls.analytics.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dk.servicepuls.testing.EmbeddedStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class EventFactsTests {

    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void setUp() {
        String uri = EmbeddedStore.freshUri("facts");
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aBatchIsOneWriteAndARepeatedFactIsStoredOnce() {
        EventFacts facts = new EventFacts(mongo);
        List<EventFact> batch = new ArrayList<>(IntStream.range(0, 2500).mapToObj(EventFactsTests::fact).toList());
        batch.add(fact(7));

        assertThat(facts.storeNew(batch)).hasSize(2500);
        assertThat(facts.storeNew(List.of(fact(7), fact(2500)))).containsExactly(fact(2500));
        // 2,500 new facts make three pages of at most 1,000, in one write; the second batch one more page
        assertThat(mongo.getCollection(EventFacts.COLLECTION).countDocuments()).isEqualTo(4);
        assertThat(facts.stored()).isEqualTo(2501);
    }

    @Test
    void anInstanceStartedOnTheStoreKnowsWhatIsStoredAndReadsTheOldOneDocumentPerFactCollectionToo() {
        new EventFacts(mongo).storeNew(List.of(fact(1), fact(2)));
        mongo.getCollection(EventFacts.ONE_PER_FACT).insertOne(EventFacts.document(fact(3))
                .append("_id", new Document("source", "/test").append("id", "e-3")));
        // the same fact on a second page, as when the store made a write it did not confirm and it was made again
        new EventFacts(mongo).storeNew(List.of(fact(2)));

        EventFacts restarted = new EventFacts(mongo);
        List<EventFact> read = new ArrayList<>();
        restarted.readAll(read::addAll);

        assertThat(read).containsExactlyInAnyOrder(fact(1), fact(2), fact(3));
        assertThat(restarted.storeNew(List.of(fact(1), fact(3), fact(4)))).containsExactly(fact(4));
    }

    @Test
    void aBatchTheStoreDidNotTakeIsNotStoredSoItsRetryIs() {
        EventFacts facts = new EventFacts(mongo);
        client.close();

        assertThatThrownBy(() -> facts.storeNew(List.of(fact(1)))).isInstanceOf(RuntimeException.class);
        assertThat(facts.stored()).isZero();
    }

    private static EventFact fact(int i) {
        return new EventFact("/test", "e-" + i, "dk.servicepuls.contact.recorded.v1", "borgerservice",
                Instant.parse("2026-03-02T10:00:00Z").plusSeconds(i), "borgerservice/SAG-" + i,
                Map.of("channel", "phone"));
    }
}
