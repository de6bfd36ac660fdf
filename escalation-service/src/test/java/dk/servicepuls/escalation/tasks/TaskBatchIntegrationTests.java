package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.DecisionMade;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.escalation.caseevents.BatchOutdatedException;
import dk.servicepuls.escalation.caseevents.CaseEvent;
import dk.servicepuls.escalation.caseevents.CaseEventHandler;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.StoreCommands;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A batch of case events costs the tasks a few commands whatever its size: reads of its cases, their active tasks and
 * the tasks it may create, then its task writes in bulk, checked first against what other writers did meanwhile,
 * and what the events say of the cases in one bulk write. Driven as the consumer drives the features: every feature
 * sees the batch, then each event in turn, then the batch ends.
 */
@ServiceIntegrationTest
@Import(StoreCommands.Recording.class)
class TaskBatchIntegrationTests {

    @Autowired
    StoreCommands commands;

    @Autowired
    List<CaseEventHandler> features;

    @Autowired
    TaskStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TaskLifecycle lifecycle;

    final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    final Instant decisionDueAt = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    ExecutorService consumer;

    @BeforeEach
    void oneConsumerThread() {
        consumer = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stop() {
        consumer.shutdownNow();
    }

    @Test
    void aBatchReadsItsCasesAndTasksOnceAndWritesTheCaseFileOnceForAllItsCases() throws Exception {
        List<String> cases = Stream.generate(TaskBatchIntegrationTests::caseId).limit(20).toList();
        List<CaseEvent> batch = openedPendingAndDecided(cases);

        List<StoreCommands.Command> sent = onConsumerThread(() -> handle(batch));

        assertThat(count(sent, "find", CaseFile.COLLECTION)).as("case file reads").isEqualTo(1);
        assertThat(count(sent, "find", TaskStore.COLLECTION))
                .as("task reads: open tasks, possible new tasks, and the two checks before the write").isEqualTo(4);
        assertThat(count(sent, "update", CaseFile.COLLECTION)).as("case file writes").isEqualTo(1);
        assertThat(count(sent, "insert", TaskStore.COLLECTION)).as("one insert for the 20 tasks created").isEqualTo(1);
        assertThat(count(sent, "update", TaskStore.COLLECTION)).as("one update for the 20 tasks expired").isEqualTo(1);
        for (String caseId : cases) {
            Task task = mongo.findOne(Query.query(Criteria.where("caseId").is(caseId)), Task.class, TaskStore.COLLECTION);
            assertThat(task.status()).isEqualTo(Task.Status.EXPIRED);
            assertThat(task.team()).as("from case.opened in the same batch").isEqualTo(TaskScenario.TEAM);
            Document file = caseFile(caseId);
            assertThat(file.getString("caseworkerId")).isEqualTo("sb-1042");
            assertThat(file.getList("handledEvents", String.class)).hasSize(1);
        }
    }

    @Test
    void aBatchPreparedAheadReadsItsCasesAndTasksOnThreadsOfTheirOwnAndTheConsumerOnlyChecksAndWrites() throws Exception {
        List<String> cases = Stream.generate(TaskBatchIntegrationTests::caseId).limit(20).toList();
        List<CaseEvent> batch = openedPendingAndDecided(cases);
        String consumerThread = consumer.submit(() -> Thread.currentThread().getName()).get();

        List<StoreCommands.Command> sent = commands.sentDuring(consumer, () -> {
            features.forEach(feature -> feature.prepare(batch));
            handle(batch);
        });

        List<StoreCommands.Command> byConsumer = sent.stream().filter(command -> command.thread().equals(consumerThread))
                .toList();
        List<StoreCommands.Command> ahead = sent.stream()
                .filter(command -> command.thread().startsWith("task-batch-reads")).toList();
        assertThat(count(ahead, "find", CaseFile.COLLECTION)).as("case file reads ahead").isEqualTo(1);
        assertThat(count(ahead, "find", TaskStore.COLLECTION)).as("open tasks and possible new tasks, ahead")
                .isEqualTo(2);
        assertThat(count(byConsumer, "find", CaseFile.COLLECTION)).as("case file reads by the consumer").isZero();
        assertThat(count(byConsumer, "find", TaskStore.COLLECTION)).as("the two checks before the write").isEqualTo(2);
        assertThat(count(byConsumer, "insert", TaskStore.COLLECTION)).isEqualTo(1);
        assertThat(count(byConsumer, "update", TaskStore.COLLECTION)).isEqualTo(1);
        assertThat(count(byConsumer, "update", CaseFile.COLLECTION)).isEqualTo(1);
        for (String caseId : cases) {
            Task task = mongo.findOne(Query.query(Criteria.where("caseId").is(caseId)), Task.class, TaskStore.COLLECTION);
            assertThat(task.status()).isEqualTo(Task.Status.EXPIRED);
            assertThat(task.team()).isEqualTo(TaskScenario.TEAM);
        }
    }

    @Test
    void aBatchOtherThanThePreparedOneIsReadOnTheConsumerThread() throws Exception {
        String caseId = caseId();
        List<CaseEvent> prepared = List.of(opened(caseId), rejectionPending(caseId));
        List<CaseEvent> handled = List.of(opened(caseId), rejectionPending(caseId));

        List<StoreCommands.Command> sent = onConsumerThread(() -> {
            features.forEach(feature -> feature.prepare(prepared));
            handle(handled);
        });

        assertThat(count(sent, "find", CaseFile.COLLECTION)).as("the handled batch's own read").isEqualTo(1);
        assertThat(mongo.findOne(Query.query(Criteria.where("caseId").is(caseId)), Task.class, TaskStore.COLLECTION))
                .as("the task its decision.pending created").isNotNull();
    }

    @Test
    void anEventMarkedHandledIsStoredBeforeALaterTaskOfItsCase() throws Exception {
        String caseId = caseId();
        CaseEvent madeWithoutTask = decisionMade(caseId);
        List<CaseEvent> batch = List.of(opened(caseId), madeWithoutTask, rejectionPending(caseId));

        List<StoreCommands.Command> sent = onConsumerThread(() -> handle(batch));

        List<String> writes = sent.stream().filter(command -> !command.name().equals("find"))
                .map(command -> command.name() + " " + command.collection()).toList();
        assertThat(writes).containsSubsequence("update " + CaseFile.COLLECTION, "insert " + TaskStore.COLLECTION);
        assertThat(store.activeOf(department, caseId)).isPresent();

        // the decision.made again, as after a crash right behind the insert: the new task stays open
        onConsumerThread(() -> handle(List.of(madeWithoutTask)));
        assertThat(store.activeOf(department, caseId)).get().extracting(Task::status).isEqualTo(Task.Status.OPEN);
    }

    @Test
    void aTaskAnotherThreadCreatesWhileTheBatchRunsIsTheOneItsEventsMove() throws Exception {
        String caseId = caseId();
        CaseEvent made = decisionMade(caseId);
        List<CaseEventHandler> opened = consumer.submit(() -> features.stream()
                .map(feature -> feature.forBatch(List.of(made))).toList()).get(30, TimeUnit.SECONDS);

        // meanwhile the feedback.events thread, say, creates the case's task
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> handle(List.of(opened(caseId), rejectionPending(caseId)))).get(30, TimeUnit.SECONDS);
        }
        finally {
            other.shutdownNow();
        }
        assertThat(store.activeOf(department, caseId)).isPresent();

        consumer.submit(() -> {
            opened.forEach(feature -> feature.on(made));
            opened.forEach(CaseEventHandler::endBatch);
        }).get(30, TimeUnit.SECONDS);

        assertThat(store.activeOf(department, caseId)).isEmpty();
        Task task = mongo.findOne(Query.query(Criteria.where("caseId").is(caseId)), Task.class, TaskStore.COLLECTION);
        assertThat(task.status()).isEqualTo(Task.Status.EXPIRED);
    }

    @Test
    void aStepACaseworkerTookFirstOutdatesTheBatchWhichIsThenHandledAgainOnTheTaskAsItIs() throws Exception {
        String caseId = caseId();
        onConsumerThread(() -> handle(List.of(opened(caseId), rejectionPending(caseId))));
        Task open = store.activeOf(department, caseId).orElseThrow();
        CaseEvent made = decisionMade(caseId);
        List<CaseEventHandler> batch = consumer.submit(() -> features.stream()
                .map(feature -> feature.forBatch(List.of(made))).toList()).get(30, TimeUnit.SECONDS);
        consumer.submit(() -> batch.forEach(feature -> feature.on(made))).get(30, TimeUnit.SECONDS);

        // the caseworker claims the call while the batch has its expiry kept back
        lifecycle.claim(open.taskId(), "sb-2001");

        assertThatThrownBy(() -> consumer.submit(() -> endBatch(batch)).get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(BatchOutdatedException.class);
        assertThat(store.find(open.taskId())).get().extracting(Task::status).isEqualTo(Task.Status.CLAIMED);
        assertThat(caseFile(caseId).getList("handledEvents", String.class, List.of()))
                .as("not marked handled, so the batch's second pass takes it").isEmpty();
        assertThat(store.openBatchCount()).isZero();

        List<StoreCommands.Command> again = onConsumerThread(() -> handle(List.of(made)));
        Task expired = store.find(open.taskId()).orElseThrow();
        assertThat(expired.status()).isEqualTo(Task.Status.EXPIRED);
        assertThat(expired.claimedBy()).as("the claim kept").isEqualTo("sb-2001");
        assertThat(count(again, "update", TaskStore.COLLECTION)).as("written through").isEqualTo(1);
        assertThat(count(again, "find", TaskStore.COLLECTION)).as("no check before a written-through step").isEqualTo(1);
    }

    @Test
    void aTaskAnotherInstanceChangedIsFoundByTheCheckBeforeTheWriteAndNothingOfTheBatchIsWritten() throws Exception {
        String changedCase = caseId();
        String otherCase = caseId();
        onConsumerThread(() -> handle(List.of(opened(changedCase), rejectionPending(changedCase))));
        Task open = store.activeOf(department, changedCase).orElseThrow();
        List<CaseEvent> events = List.of(decisionMade(changedCase), opened(otherCase), rejectionPending(otherCase));
        List<CaseEventHandler> batch = consumer.submit(() -> features.stream()
                .map(feature -> feature.forBatch(events)).toList()).get(30, TimeUnit.SECONDS);
        consumer.submit(() -> events.forEach(event -> batch.forEach(feature -> feature.on(event))))
                .get(30, TimeUnit.SECONDS);

        // a step of another replica of this service, which this JVM's batches do not hear of
        mongo.updateFirst(Query.query(Criteria.where("_id").is(open.taskId())),
                new Update().set("status", Task.Status.CLAIMED.name()).set("claimedBy", "sb-2001").inc("version", 1),
                TaskStore.COLLECTION);

        assertThatThrownBy(() -> consumer.submit(() -> endBatch(batch)).get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(BatchOutdatedException.class);
        assertThat(store.find(open.taskId())).get().extracting(Task::status).isEqualTo(Task.Status.CLAIMED);
        assertThat(store.activeOf(department, otherCase)).as("the other case's new task not written either").isEmpty();

        onConsumerThread(() -> handle(events));
        assertThat(store.find(open.taskId())).get().extracting(Task::status).isEqualTo(Task.Status.EXPIRED);
        assertThat(store.activeOf(department, otherCase)).isPresent();
    }

    @Test
    void aBatchWhoseTasksChangedIsLetGoOfWhenItEnds() throws Exception {
        int before = store.openBatchCount();
        for (int poll = 0; poll < 5; poll++) {
            String caseId = caseId();
            onConsumerThread(() -> handle(List.of(opened(caseId), rejectionPending(caseId))));
        }

        // each batch's view of its case changed as the task was created; kept by content, no batch would be found again
        assertThat(store.openBatchCount()).isEqualTo(before);
    }

    /** Each case opened, a rejection pending and then decided, all in one batch. */
    private List<CaseEvent> openedPendingAndDecided(List<String> cases) {
        List<CaseEvent> batch = new ArrayList<>();
        for (String caseId : cases) {
            batch.add(opened(caseId));
            batch.add(rejectionPending(caseId));
            batch.add(decisionMade(caseId));
        }
        return batch;
    }

    /** As the consumer hands a batch to the features. */
    private void handle(List<CaseEvent> batch) {
        List<CaseEventHandler> forBatch = features.stream().map(feature -> feature.forBatch(batch)).toList();
        try {
            for (CaseEvent event : batch) {
                forBatch.forEach(feature -> feature.on(event));
            }
        }
        finally {
            forBatch.forEach(CaseEventHandler::endBatch);
        }
    }

    /** As the consumer ends a batch: every feature, the first failure thrown. */
    private static void endBatch(List<CaseEventHandler> batch) {
        RuntimeException first = null;
        for (CaseEventHandler feature : batch) {
            try {
                feature.endBatch();
            }
            catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Runs the work on the consumer thread and returns the store commands that thread sent meanwhile. */
    private List<StoreCommands.Command> onConsumerThread(Runnable work) throws Exception {
        return commands.sentBy(consumer, work);
    }

    private static long count(List<StoreCommands.Command> commands, String name, String collection) {
        return StoreCommands.count(commands, name, collection);
    }

    private Document caseFile(String caseId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(CaseFile.id(department, caseId))), Document.class,
                CaseFile.COLLECTION);
    }

    private static String caseId() {
        return "SAG-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private CaseEvent opened(String caseId) {
        return event(EventType.CASE_OPENED, caseId, new CaseOpened("boligstoette",
                new CaseOpened.Party(CaseOpened.Party.Type.CITIZEN, "party-" + caseId, null), null, TaskScenario.TEAM));
    }

    private CaseEvent rejectionPending(String caseId) {
        return event(EventType.DECISION_PENDING, caseId,
                new DecisionPending(DecisionPending.ExpectedOutcome.REJECTED, decisionDueAt, "sb-1042"));
    }

    private CaseEvent decisionMade(String caseId) {
        return event(EventType.DECISION_MADE, caseId, new DecisionMade(DecisionMade.Outcome.REJECTED));
    }

    private CaseEvent event(EventType type, String caseId, Record data) {
        return new CaseEvent("/test/esdh", UUID.randomUUID().toString(), type, Instant.now(), department, caseId, data);
    }
}
