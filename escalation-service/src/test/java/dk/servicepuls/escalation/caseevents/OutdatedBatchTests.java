package dk.servicepuls.escalation.caseevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dk.servicepuls.contracts.EventType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A feature that finds the writes it kept back for the end of a batch outdated gets the batch handed over again, and
 * so do the other features; past a few passes the binder's retry takes over.
 */
class OutdatedBatchTests {

    private final List<CaseEvent> batch = List.of(event("a"), event("b"));
    private final int[] recordOf = {3, 4};

    @Test
    void aBatchAFeatureFoundOutdatedIsHandedToEveryFeatureAgain() {
        Feature outdatedOnce = new Feature(1, false);
        Feature other = new Feature(0, false);

        CaseEventsListener.handle(List.of(other, outdatedOnce), batch, recordOf);

        assertThat(outdatedOnce.seen).extracting(CaseEvent::id).containsExactly("a", "b", "a", "b");
        assertThat(other.seen).extracting(CaseEvent::id).containsExactly("a", "b", "a", "b");
        assertThat(other.ended).isEqualTo(2);
    }

    @Test
    void anOutdatedStepInTheMiddleOfTheBatchAlsoHandsItOverAgain() {
        Feature outdatedOnce = new Feature(1, true);

        CaseEventsListener.handle(List.of(outdatedOnce), batch, recordOf);

        assertThat(outdatedOnce.seen).extracting(CaseEvent::id).containsExactly("a", "a", "b");
        assertThat(outdatedOnce.ended).as("each pass ends its batch").isEqualTo(2);
    }

    @Test
    void aBatchOutdatedOnEveryPassFailsFromItsFirstRecordForTheBinderToRetry() {
        Feature alwaysOutdated = new Feature(Integer.MAX_VALUE, false);

        assertThatThrownBy(() -> CaseEventsListener.handle(List.of(alwaysOutdated), batch, recordOf))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(3))
                .hasCauseInstanceOf(BatchOutdatedException.class);
        assertThat(alwaysOutdated.ended).isEqualTo(CaseEventsListener.PASSES);
    }

    private static CaseEvent event(String id) {
        return new CaseEvent("/test/esdh", id, EventType.CONTACT_RECORDED, Instant.now(), "dept", "SAG-1", null);
    }

    /** Finds its kept writes outdated on its first passes: at the end of the batch, or at its first event. */
    private static final class Feature implements CaseEventHandler {

        private final int outdatedPasses;
        private final boolean atFirstEvent;
        final List<CaseEvent> seen = new ArrayList<>();
        int ended;

        Feature(int outdatedPasses, boolean atFirstEvent) {
            this.outdatedPasses = outdatedPasses;
            this.atFirstEvent = atFirstEvent;
        }

        @Override
        public void on(CaseEvent event) {
            seen.add(event);
            if (atFirstEvent && ended < outdatedPasses) {
                throw new BatchOutdatedException("changed meanwhile");
            }
        }

        @Override
        public void endBatch() {
            ended++;
            if (!atFirstEvent && ended <= outdatedPasses) {
                throw new BatchOutdatedException("changed meanwhile");
            }
        }
    }
}
