package dk.servicepuls.escalation.caseevents;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.erasure.PartyErasures;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import dk.servicepuls.platform.store.BatchCommit;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The function bound to contact.events and feedback.events ({@code caseEvents}), in batch mode: one consumer
 * subscribed to both topics ({@code multiplex}), so that one thread takes every event of a case, whichever topic it
 * came on. Both topics are keyed by case and have the same partitions, so a case's partition of each goes to the same
 * instance. Two consumers, one per topic, took the same cases at the same time and kept overwriting each other's
 * reads: under load most polls lost cases to the other thread and had to read and write them again (decision record
 * 0001, point 15). Two features binding the same topic in the group would split its partitions between them, and
 * each would see only part of every case. Every feature first sees the whole batch, twice: to start its reads
 * ({@link CaseEventHandler#prepare}, so that they overlap the other features' work), then to read and write its cases
 * in bulk ({@link CaseEventHandler#forBatch}); the events are then handed
 * over one by one in their order, which is each case's order, each to every feature in turn. A record that cannot be
 * read or handled ends the batch there: the binder commits what came before, retries the record and then parks it on
 * escalation-service.dlq instead of blocking the partition. Where the store commits every write, a batch's writes are
 * made durable together at its end ({@link BatchCommit}). A feature that keeps its writes back for the end of the
 * batch and finds them outdated there ({@link BatchOutdatedException}) gets the batch handed over again. An erasure
 * request is carried out once the batch it came in is handled ({@link PartyErasures#after}), so that it takes what
 * the batch brought of the party too.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);
    /** How often one poll's batch is handed to the features at most, in this call. */
    static final int PASSES = 3;
    private static final String TOPICS = "contact.events or feedback.events";

    @Bean
    Consumer<Message<List<byte[]>>> caseEvents(CloudEventReader reader, JsonMapper json,
            List<CaseEventHandler> handlers, BatchCommit commit, PartyErasures erasures) {
        return batch -> commit.of(() -> CloudEventMessages.handlePublishedBatch(reader, batch, TOPICS,
                events -> erasures.after(events, handled -> dispatch(json, handlers, handled))));
    }

    private static void dispatch(JsonMapper json, List<CaseEventHandler> handlers, List<CloudEvent> events) {
        List<CaseEvent> batch = new ArrayList<>(events.size());
        int[] recordOf = new int[events.size()];
        for (int i = 0; i < events.size(); i++) {
            Optional<CaseEvent> read;
            try {
                read = caseEvent(json, events.get(i));
            }
            catch (RuntimeException e) {
                // what came before the broken record is handled; the binder then retries from the broken one
                handle(handlers, batch, recordOf);
                throw new BatchListenerFailedException("Case event not read: " + e.getClass().getSimpleName(), e, i);
            }
            if (read.isPresent()) {
                recordOf[batch.size()] = i;
                batch.add(read.get());
            }
        }
        handle(handlers, batch, recordOf);
    }

    /**
     * Hands the batch to the features, and over again while one finds its kept writes outdated (the feature writes
     * through the second time, so a third is rare and a fourth not tried: the binder retries then).
     *
     * @param recordOf the position in the poll of each event of the batch, to name the one that failed
     */
    static void handle(List<CaseEventHandler> handlers, List<CaseEvent> batch, int[] recordOf) {
        if (batch.isEmpty()) {
            return;
        }
        for (int pass = 1; ; pass++) {
            try {
                handleOnce(handlers, batch, recordOf);
                return;
            }
            catch (BatchOutdatedException outdated) {
                if (pass == PASSES) {
                    throw new BatchListenerFailedException("Case events not written: " + outdated.getMessage(),
                            outdated, recordOf[0]);
                }
                log.info("Handling a batch of {} case events again: {}", batch.size(), outdated.getMessage());
            }
        }
    }

    /** @throws BatchOutdatedException when a feature found what it kept back outdated; nothing else is raised then */
    private static void handleOnce(List<CaseEventHandler> handlers, List<CaseEvent> batch, int[] recordOf) {
        List<CaseEventHandler> forBatch = new ArrayList<>(handlers.size());
        try {
            for (CaseEventHandler handler : handlers) {
                handler.prepare(batch);
            }
            for (CaseEventHandler handler : handlers) {
                forBatch.add(handler.forBatch(batch));
            }
        }
        catch (RuntimeException e) {
            endBatch(forBatch);
            throw new BatchListenerFailedException("Case events not handled: " + e.getClass().getSimpleName(), e,
                    recordOf[0]);
        }
        RuntimeException failed = null;
        int failedAt = 0;
        for (int i = 0; i < batch.size() && failed == null; i++) {
            try {
                for (CaseEventHandler handler : forBatch) {
                    handler.on(batch.get(i));
                }
            }
            catch (RuntimeException e) {
                failed = e;
                failedAt = i;
            }
        }
        RuntimeException notEnded = endBatch(forBatch);
        if (failed instanceof BatchOutdatedException || notEnded instanceof BatchOutdatedException) {
            throw failed instanceof BatchOutdatedException outdated ? outdated : (BatchOutdatedException) notEnded;
        }
        if (notEnded != null) {
            // what the features kept back for the end is lost: every event of the batch comes again
            throw new BatchListenerFailedException("Case events not written: " + notEnded.getClass().getSimpleName(),
                    notEnded, recordOf[0]);
        }
        if (failed != null) {
            throw new BatchListenerFailedException("Case event not handled: " + failed.getClass().getSimpleName(),
                    failed, recordOf[failedAt]);
        }
    }

    /** Ends the batch for every feature, also when one fails to; returns the first failure. */
    private static RuntimeException endBatch(List<CaseEventHandler> forBatch) {
        RuntimeException first = null;
        for (CaseEventHandler handler : forBatch) {
            try {
                handler.endBatch();
            }
            catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
                else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }

    /** Empty for a type of a newer contract: the publisher validated it, this service just has nothing to do with it yet. */
    private static Optional<CaseEvent> caseEvent(JsonMapper json, CloudEvent event) {
        Optional<EventType> type = EventType.fromType(event.getType());
        if (type.isEmpty()) {
            log.debug("Skipping unknown type {} id={} source={}", event.getType(), event.getId(), event.getSource());
            return Optional.empty();
        }
        return Optional.of(caseEvent(event, type.get(), json));
    }

    private static CaseEvent caseEvent(CloudEvent event, EventType type, JsonMapper json) {
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        OffsetDateTime time = event.getTime();
        return new CaseEvent(event.getSource().toString(), event.getId(), type, time == null ? null : time.toInstant(),
                CloudEventMessages.department(event), event.getSubject(),
                data == null || data.length == 0 ? null : json.readValue(data, type.dataType()));
    }
}
