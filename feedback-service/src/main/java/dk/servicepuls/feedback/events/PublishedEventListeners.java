package dk.servicepuls.feedback.events;

import java.util.List;
import java.util.function.Consumer;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.erasure.PartyErasures;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The functions bound to {@code contact.events} ({@code contactEvents}) and {@code feedback.events}
 * ({@code feedbackEvents}), in batch mode: one consumer per topic for the service's group, which hands each poll to
 * every {@link PublishedEvents} feature in turn. A record that cannot be read ends its batch; the binder retries it
 * and then parks it on feedback-service.dlq.
 */
@Configuration(proxyBeanMethods = false)
class PublishedEventListeners {

    @Bean
    Consumer<Message<List<byte[]>>> contactEvents(CloudEventReader reader, List<PublishedEvents> features,
            PartyErasures erasures) {
        return batch -> handle(reader, features, erasures, batch, Topics.CONTACT_EVENTS);
    }

    @Bean
    Consumer<Message<List<byte[]>>> feedbackEvents(CloudEventReader reader, List<PublishedEvents> features,
            PartyErasures erasures) {
        return batch -> handle(reader, features, erasures, batch, Topics.FEEDBACK_EVENTS);
    }

    private static void handle(CloudEventReader reader, List<PublishedEvents> features, PartyErasures erasures,
            Message<List<byte[]>> batch, String topic) {
        CloudEventMessages.handlePublishedBatch(reader, batch, topic, events -> erasures.after(events,
                handled -> features.forEach(feature -> feature.on(topic, handled))));
    }
}
