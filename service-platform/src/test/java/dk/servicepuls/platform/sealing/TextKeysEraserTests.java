package dk.servicepuls.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dk.servicepuls.platform.erasure.PartyDataEraser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class TextKeysEraserTests {

    /**
     * Retention finds a service's closed cases by what its other erasers erase: the keys go first, so that a
     * destruction that fails (Kafka away) leaves the case to be found, and its key destroyed, by the next run.
     */
    @Test
    void theKeysAreDestroyedBeforeAnyOtherEraserOfTheServiceRuns() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean("eventsEraser", PartyDataEraser.class, () -> request -> Map.of("events", 1L));
            context.registerBean("textKeysEraser", TextKeysEraser.class, () -> new TextKeysEraser(null));
            context.registerBean("anotherEraser", PartyDataEraser.class, () -> request -> Map.of("tasks", 1L));
            context.refresh();

            ObjectProvider<PartyDataEraser> erasers = context.getBeanProvider(PartyDataEraser.class);
            List<PartyDataEraser> asInjected = erasers.orderedStream().toList();

            assertThat(asInjected).hasSize(3);
            assertThat(asInjected.get(0)).isInstanceOf(TextKeysEraser.class);
        }
    }
}
