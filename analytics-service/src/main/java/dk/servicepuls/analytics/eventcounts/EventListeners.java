package dk.servicepuls.analytics.eventcounts;

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
 * {@code escalationEvents}). A record that cannot be read throws, so the binder retries it and then parks it on
 * analytics-service.dlq instead of blocking the partition.
 */
@Configuration(proxyBeanMethods = false)
class EventListeners {

    @Bean
    Consumer<Message<byte[]>> contactEvents(CloudEventReader reader, EventCounts counts) {
        return message -> counts.on(fact(reader, message, Topics.CONTACT_EVENTS));
    }

    @Bean
    Consumer<Message<byte[]>> feedbackEvents(CloudEventReader reader, EventCounts counts) {
        return message -> counts.on(fact(reader, message, Topics.FEEDBACK_EVENTS));
    }

    @Bean
    Consumer<Message<byte[]>> escalationEvents(CloudEventReader reader, EventCounts counts) {
        return message -> counts.on(fact(reader, message, Topics.ESCALATION_EVENTS));
    }

    private static EventFact fact(CloudEventReader reader, Message<byte[]> message, String topic) {
        CloudEvent event = CloudEventMessages.readPublished(reader, message, topic);
        return new EventFact(event.getSource().toString(), event.getId(), event.getType(),
                CloudEventMessages.department(event), event.getTime() == null ? null : event.getTime().toInstant());
    }
}
