package dk.servicepuls.analytics.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dk.servicepuls.testing.FreshStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventFactsTests {

    @RegisterExtension
    final FreshStore store = new FreshStore("facts");

    @Test
    void aBatchIsOneWriteAndARepeatedFactIsStoredOnce() {
        EventFacts facts = new EventFacts(store.mongo());
        List<EventFact> batch = new ArrayList<>(IntStream.range(0, 2500).mapToObj(EventFactsTests::fact).toList());
        batch.add(fact(7));

        assertThat(facts.storeNew(batch)).hasSize(2500);
        assertThat(facts.storeNew(List.of(fact(7), fact(2500)))).containsExactly(fact(2500));
        // 2,500 new facts make three pages of at most 1,000, in one write; the second batch one more page
        assertThat(store.mongo().getCollection(EventFacts.COLLECTION).countDocuments()).isEqualTo(4);
        assertThat(facts.stored()).isEqualTo(2501);
    }

    @Test
    void anInstanceStartedOnTheStoreKnowsWhatIsStoredAndReadsTheOldOneDocumentPerFactCollectionToo() {
        new EventFacts(store.mongo()).storeNew(List.of(fact(1), fact(2)));
        store.mongo().getCollection(EventFacts.ONE_PER_FACT).insertOne(EventFacts.document(fact(3))
                .append("_id", new Document("source", "/test").append("id", "e-3")));
        // the same fact on a second page, as when the store made a write it did not confirm and it was made again
        new EventFacts(store.mongo()).storeNew(List.of(fact(2)));

        EventFacts restarted = new EventFacts(store.mongo());
        List<EventFact> read = new ArrayList<>();
        restarted.readAll(read::addAll);

        assertThat(read).containsExactlyInAnyOrder(fact(1), fact(2), fact(3));
        assertThat(restarted.storeNew(List.of(fact(1), fact(3), fact(4)))).containsExactly(fact(4));
    }

    @Test
    void aBatchTheStoreDidNotTakeIsNotStoredSoItsRetryIs() {
        EventFacts facts = new EventFacts(store.mongo());
        store.client().close();

        assertThatThrownBy(() -> facts.storeNew(List.of(fact(1)))).isInstanceOf(RuntimeException.class);
        assertThat(facts.stored()).isZero();
    }

    private static EventFact fact(int i) {
        return new EventFact("/test", "e-" + i, "dk.servicepuls.contact.recorded.v1", "borgerservice",
                Instant.parse("2026-03-02T10:00:00Z").plusSeconds(i), "borgerservice/SAG-" + i,
                Map.of("channel", "phone"));
    }
}
