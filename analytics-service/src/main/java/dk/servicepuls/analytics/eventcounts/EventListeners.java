package dk.servicepuls.analytics.eventcounts;

import java.util.List;
import java.util.function.Consumer;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The functions bound to the three event topics ({@code contactEvents}, {@code feedbackEvents},
 * {@code escalationEvents}), in batch mode: a poll's events are counted with one bulk write. A record that cannot be
 * read ends its batch; the binder retries it and then parks it on analytics-service.dlq instead of blocking the
 * partition.
 */
@Configuration(proxyBeanMethods = false)
class EventListeners {

    @Bean
    Consumer<Message<List<byte[]>>> contactEvents(CloudEventReader reader, EventCounts counts) {
        return batch -> count(reader, counts, batch, Topics.CONTACT_EVENTS);
    }

    @Bean
    Consumer<Message<List<byte[]>>> feedbackEvents(CloudEventReader reader, EventCounts counts) {
        return batch -> count(reader, counts, batch, Topics.FEEDBACK_EVENTS);
    }

    @Bean
    Consumer<Message<List<byte[]>>> escalationEvents(CloudEventReader reader, EventCounts counts) {
        return batch -> count(reader, counts, batch, Topics.ESCALATION_EVENTS);
    }

    private static void count(CloudEventReader reader, EventCounts counts, Message<List<byte[]>> batch, String topic) {
        CloudEventMessages.handlePublishedBatch(reader, batch, topic,
                events -> counts.on(events.stream().map(EventListeners::fact).toList()));
    }

    private static EventFact fact(CloudEvent event) {
        return new EventFact(event.getSource().toString(), event.getId(), event.getType(),
                CloudEventMessages.department(event), event.getTime() == null ? null : event.getTime().toInstant());
    }
}
