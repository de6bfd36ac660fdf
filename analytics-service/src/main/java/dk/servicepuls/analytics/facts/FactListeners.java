package dk.servicepuls.analytics.facts;

import java.util.List;
import java.util.function.Consumer;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.erasure.PartyErasures;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The functions bound to the three event topics ({@code contactEvents}, {@code feedbackEvents},
 * {@code escalationEvents}), in batch mode: a poll's events become facts stored with one bulk write. A record that
 * cannot be read ends its batch; the binder retries it and then parks it on analytics-service.dlq instead of blocking
 * the partition.
 */
@Configuration(proxyBeanMethods = false)
class FactListeners {

    @Bean
    FactValues factValues(JsonMapper json) {
        return new FactValues(json);
    }

    @Bean
    Consumer<Message<List<byte[]>>> contactEvents(CloudEventReader reader, FactValues values, FactViews views,
            PartyErasures erasures) {
        return batch -> on(reader, values, views, erasures, batch, Topics.CONTACT_EVENTS);
    }

    @Bean
    Consumer<Message<List<byte[]>>> feedbackEvents(CloudEventReader reader, FactValues values, FactViews views,
            PartyErasures erasures) {
        return batch -> on(reader, values, views, erasures, batch, Topics.FEEDBACK_EVENTS);
    }

    @Bean
    Consumer<Message<List<byte[]>>> escalationEvents(CloudEventReader reader, FactValues values, FactViews views,
            PartyErasures erasures) {
        return batch -> on(reader, values, views, erasures, batch, Topics.ESCALATION_EVENTS);
    }

    private static void on(CloudEventReader reader, FactValues values, FactViews views, PartyErasures erasures,
            Message<List<byte[]>> batch, String topic) {
        CloudEventMessages.handlePublishedBatch(reader, batch, topic, events -> erasures.after(events,
                handled -> views.on(handled.stream().map(event -> fact(values, event)).toList())));
    }

    static EventFact fact(FactValues values, CloudEvent event) {
        String department = CloudEventMessages.department(event);
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        return new EventFact(event.getSource().toString(), event.getId(), event.getType(), department,
                event.getTime() == null ? null : event.getTime().toInstant(),
                CaseKeys.of(department, event.getSubject()), values.of(event.getType(), data));
    }
}
