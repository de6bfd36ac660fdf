package dk.servicepuls.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.testing.FreshStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartyReferenceTableTests {

    @RegisterExtension
    final FreshStore store = new FreshStore("party-refs");

    private PartyReferenceTable table() {
        return new PartyReferenceTable(store.mongo(), Clock.systemUTC());
    }

    @Test
    void aPartyKeepsItsRandomReferenceAcrossInstancesAndEachPartyHasItsOwn() {
        String first = table().referenceFor("handle-a");

        assertThat(first).hasSize(64).isNotEqualTo("handle-a");
        assertThat(table().referenceFor("handle-a")).isEqualTo(first);
        assertThat(table().referenceFor("handle-b")).isNotEqualTo(first);
    }

    @Test
    void anErasedPartysReferenceIsNeverGivenAgainNotEvenByTheInstanceThatCachedIt() {
        PartyReferenceTable table = table();
        String erased = table.referenceFor("handle-a");
        String kept = table.referenceFor("handle-b");

        assertThat(table.erase(new ErasureRequest("/dpo", "1", "borgerservice", Set.of(erased), List.of(),
                Instant.now()))).containsEntry(PartyReferenceTable.COLLECTION, 1L);

        assertThat(table.referenceFor("handle-a")).isNotEqualTo(erased);
        assertThat(table().referenceFor("handle-a")).isNotEqualTo(erased);
        assertThat(table.referenceFor("handle-b")).isEqualTo(kept);
        assertThat(store.mongo().getCollection(PartyReferenceTable.COLLECTION).countDocuments()).isEqualTo(2);
    }

    @Test
    void twoInstancesMeetingANewPartyAtOnceAgreeOnOneReference() {
        PartyReferenceTable one = table();
        PartyReferenceTable other = table();

        List<String> given = List.of("x", "y", "z").parallelStream()
                .flatMap(any -> List.of(one, other).stream().map(table -> table.referenceFor("handle-new"))).toList();

        assertThat(Set.copyOf(given)).hasSize(1);
    }

    @Test
    void aBatchsPartiesAreFoundAndMadeAtOnceAsOneAtATimeWouldHaveThem() {
        String known = table().referenceFor("handle-a");
        PartyReferenceTable batch = table();

        batch.prepare(List.of("handle-a", "handle-b", "handle-c", "handle-b"));

        assertThat(batch.referenceFor("handle-a")).isEqualTo(known);
        assertThat(table().referenceFor("handle-b")).isEqualTo(batch.referenceFor("handle-b"))
                .isNotEqualTo(batch.referenceFor("handle-c"));
        assertThat(store.mongo().getCollection(PartyReferenceTable.COLLECTION).countDocuments()).isEqualTo(3);
    }
}
