package dk.servicepuls.feedback.analysis;

import java.util.List;
import java.util.function.Consumer;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The functions bound to {@code feedback.events} ({@code analyseFeedback}: comments and complaint texts, as
 * feedback-service itself published them, masked) and {@code contact.events} ({@code analyseContacts}: contact
 * notes), in batch mode. A record that cannot be read ends its batch; the binder retries it and then parks it on
 * feedback-service.dlq.
 */
@Configuration(proxyBeanMethods = false)
class AnalysisListeners {

    @Bean
    Consumer<Message<List<byte[]>>> analyseFeedback(CloudEventReader reader, AnalysedTexts texts) {
        return batch -> CloudEventMessages.handlePublishedBatch(reader, batch, Topics.FEEDBACK_EVENTS, texts::on);
    }

    @Bean
    Consumer<Message<List<byte[]>>> analyseContacts(CloudEventReader reader, AnalysedTexts texts) {
        return batch -> CloudEventMessages.handlePublishedBatch(reader, batch, Topics.CONTACT_EVENTS, texts::on);
    }
}
