package dk.servicepuls.escalation.tasks;

import java.util.function.Consumer;

import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.CaseTransferred;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.support.cloudevents.CloudEventReader;
import dk.servicepuls.support.cloudevents.ReadResult;
import dk.servicepuls.support.cloudevents.Violation;
import dk.servicepuls.support.kafka.CloudEventMessages;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The function bound to contact.events ({@code contactEvents}). A record that cannot be read throws, so the binder
 * retries it and then parks it on escalation-service.dlq instead of blocking the partition.
 */
@Configuration(proxyBeanMethods = false)
class ContactEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ContactEventsListener.class);

    @Bean
    Consumer<Message<byte[]>> contactEvents(CloudEventReader reader, ProactiveCallTasks tasks, TaskLifecycle lifecycle,
            CaseFile cases, JsonMapper json) {
        return message -> {
            ReadResult read = CloudEventMessages.read(reader, message);
            if (read instanceof ReadResult.Unreadable unreadable) {
                throw new IllegalArgumentException("Unreadable CloudEvent on contact.events: "
                        + unreadable.violations().stream().map(Violation::pointer).toList());
            }
            CloudEvent event = ((ReadResult.Readable) read).event();
            EventType type = EventType.fromType(event.getType()).orElse(null);
            if (type == null) {
                return;
            }
            byte[] data = event.getData() == null ? null : event.getData().toBytes();
            Object departmentAttribute = event.getExtension(CloudEventAttributes.DEPARTMENT);
            String department = departmentAttribute == null ? null : departmentAttribute.toString();
            switch (type) {
                case CASE_OPENED -> {
                    CaseOpened opened = data == null ? null : json.readValue(data, CaseOpened.class);
                    if (department != null && event.getSubject() != null && opened != null) {
                        cases.note(department, event.getSubject(), opened.team(), opened.caseworkerId());
                    }
                }
                case DECISION_PENDING -> {
                    PendingDecision pending = new PendingDecision(event.getSource().toString(), event.getId(),
                            department, event.getSubject(),
                            data == null ? null : json.readValue(data, DecisionPending.class));
                    ProactiveCallTasks.Outcome outcome = tasks.on(pending);
                    log.debug("decision.pending id={} source={}: {}", event.getId(), event.getSource(), outcome);
                }
                case DECISION_MADE -> lifecycle.onDecisionMade(caseEvent(event, department));
                case CASE_CLOSED -> lifecycle.onCaseClosed(caseEvent(event, department));
                case CASE_TRANSFERRED -> {
                    CaseTransferred transferred = data == null ? null : json.readValue(data, CaseTransferred.class);
                    if (transferred == null || transferred.toTeam() == null) {
                        throw new IllegalArgumentException("case.transferred without data.toTeam");
                    }
                    lifecycle.onTransferred(caseEvent(event, department), transferred.toTeam(), transferred.toDepartment());
                }
                default -> {
                    // contacts and the rest do not move a task
                }
            }
        };
    }

    private static CaseEvent caseEvent(CloudEvent event, String department) {
        return new CaseEvent(event.getSource().toString(), event.getId(), department, event.getSubject());
    }
}
