package dk.servicepuls.escalation.caseevents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The functions bound to contact.events ({@code contactEvents}) and feedback.events ({@code feedbackEvents}), in
 * batch mode. One binding per topic in one consumer group: two features binding the same topic in the group would
 * split its partitions between them, and each would see only part of every case. A batch's events are handed over one
 * by one in their order, which is each case's order. A record that cannot be read or handled ends the batch there:
 * the binder commits what came before, retries the record and then parks it on escalation-service.dlq instead of
 * blocking the partition.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

    @Bean
    Consumer<Message<List<byte[]>>> contactEvents(CloudEventReader reader, JsonMapper json, List<CaseEventHandler> handlers) {
        return batch -> CloudEventMessages.handlePublishedBatch(reader, batch, "contact.events",
                events -> dispatch(json, handlers, events));
    }

    @Bean
    Consumer<Message<List<byte[]>>> feedbackEvents(CloudEventReader reader, JsonMapper json, List<CaseEventHandler> handlers) {
        return batch -> CloudEventMessages.handlePublishedBatch(reader, batch, "feedback.events",
                events -> dispatch(json, handlers, events));
    }

    private static void dispatch(JsonMapper json, List<CaseEventHandler> handlers, List<CloudEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            try {
                dispatch(json, handlers, events.get(i));
            }
            catch (RuntimeException e) {
                throw new BatchListenerFailedException("Case event not handled: " + e.getClass().getSimpleName(), e, i);
            }
        }
    }

    private static void dispatch(JsonMapper json, List<CaseEventHandler> handlers, CloudEvent event) {
        Optional<EventType> type = EventType.fromType(event.getType());
        if (type.isEmpty()) {
            // a newer contract's type: the publisher validated it, this service just has nothing to do with it yet
            log.debug("Skipping unknown type {} id={} source={}", event.getType(), event.getId(), event.getSource());
            return;
        }
        CaseEvent caseEvent = caseEvent(event, type.get(), json);
        for (CaseEventHandler handler : handlers) {
            handler.on(caseEvent);
        }
    }

    private static CaseEvent caseEvent(CloudEvent event, EventType type, JsonMapper json) {
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        OffsetDateTime time = event.getTime();
        return new CaseEvent(event.getSource().toString(), event.getId(), type, time == null ? null : time.toInstant(),
                CloudEventMessages.department(event), event.getSubject(),
                data == null || data.length == 0 ? null : json.readValue(data, type.dataType()));
    }
}
