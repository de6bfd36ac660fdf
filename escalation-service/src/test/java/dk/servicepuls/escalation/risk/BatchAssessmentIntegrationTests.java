package dk.servicepuls.escalation.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.ComplaintFiled;
import dk.servicepuls.contracts.events.ContactRecorded;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.contracts.events.FeedbackSubmitted;
import dk.servicepuls.escalation.caseevents.CaseEvent;
import dk.servicepuls.escalation.caseevents.CaseEventHandler;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A batch of case events is assessed in memory in its order and written back with one write per case; what each
 * event meant is handed on only afterwards, event by event.
 */
@ServiceIntegrationTest
class BatchAssessmentIntegrationTests {

    @Autowired
    CaseRiskAssessor assessor;

    @Autowired
    CaseRiskStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    EmbeddedKafkaBroker broker;

    RecordedTopic announced;

    final List<CaseRiskAssessed> heard = new CopyOnWriteArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<CaseRiskAssessed>> listener = event -> {
        if (event.getPayload().department().equals(this.department)) {
            this.heard.add(event.getPayload());
        }
    };
    String department;

    @BeforeEach
    void listen() {
        department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        context.addApplicationListener(listener);
        announced = new RecordedTopic(broker.getBrokersAsString(), Topics.ESCALATION_EVENTS);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
        announced.close();
    }

    @Test
    void aBatchOfOneCaseIsOneWriteHoldingEveryFactChangeAndAnnouncementInOrder() {
        String caseId = caseId();
        List<CaseEvent> batch = List.of(opened(caseId, null), pending(caseId), inbound(caseId), inbound(caseId),
                inbound(caseId));

        CaseEventHandler handler = assessor.forBatch(batch);

        CaseRisk stored = store.find(department, caseId).orElseThrow();
        assertThat(stored.version()).as("one insert for the whole batch").isEqualTo(1);
        assertThat(stored.facts()).extracting(Fact::id).containsExactlyElementsOf(batch.stream().map(CaseEvent::id).toList());
        assertThat(stored.history()).extracting(Assessment::score).containsExactly(40, 55);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(announced.records(record -> caseId.equals(record.key())))
                .extracting(record -> RecordedTopic.header(record, "ce_id"))
                .containsExactly(CaseRiskStore.eventId(department, caseId, stored.facts().get(1)),
                        CaseRiskStore.eventId(department, caseId, stored.facts().get(4))));
        assertThat(heard).as("nothing is handed on before its event's turn").isEmpty();

        batch.forEach(handler::on);

        assertThat(heard).extracting(assessed -> assessed.cause().id())
                .containsExactlyElementsOf(batch.stream().map(CaseEvent::id).toList());
        assertThat(heard).extracting(CaseRiskAssessed::score).containsExactly(0, 40, 40, 40, 55);
        assertThat(heard).extracting(CaseRiskAssessed::changed).containsExactly(false, true, false, false, true);
        assertThat(heard).noneMatch(CaseRiskAssessed::redelivered);
    }

    @Test
    void theNextBatchOnAStoredCaseIsOneVersionedUpdateThatAppendsToAHistoryItNeverRead() {
        String caseId = caseId();
        assessor.forBatch(List.of(opened(caseId, null), pending(caseId)));
        assertThat(store.findForAssessment(List.of(CaseRisk.id(department, caseId))).get(CaseRisk.id(department, caseId)))
                .as("read for an assessment").satisfies(read -> {
                    assertThat(read.facts()).hasSize(2);
                    assertThat(read.history()).isEmpty();
                });

        List<CaseEvent> next = List.of(inbound(caseId), inbound(caseId), inbound(caseId), feedback(caseId, 1));
        assessor.forBatch(next);

        CaseRisk stored = store.find(department, caseId).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.facts()).hasSize(6);
        assertThat(stored.current().factors()).extracting(factor -> factor.code())
                .containsExactly("unfavourable_decision_pending", "negative_feedback", "repeated_contacts");
        assertThat(stored.history()).as("the first batch's change, then the second's").hasSizeGreaterThan(1)
                .first().extracting(Assessment::score).isEqualTo(40);
        assertThat(stored.history().get(stored.history().size() - 1).score()).isEqualTo(stored.current().score());
        Document raw = mongo.findById(CaseRisk.id(department, caseId), Document.class, CaseRiskStore.COLLECTION);
        assertThat(raw.getList("facts", Document.class)).as("appended facts hold their values, not the type hint")
                .hasSize(6).noneMatch(fact -> fact.containsKey("_class"));
        assertThat(raw.getList("history", Document.class)).noneMatch(change -> change.containsKey("_class"));
        assertThat(raw.get("current", Document.class)).doesNotContainKey("_class");
    }

    @Test
    void aBatchAgainChangesNothingAndSaysSoPerEvent() {
        String caseId = caseId();
        List<CaseEvent> batch = List.of(opened(caseId, null), pending(caseId), inbound(caseId));
        assessor.forBatch(batch).on(batch.get(0));
        heard.clear();

        CaseEventHandler again = assessor.forBatch(batch);
        batch.forEach(again::on);

        assertThat(store.find(department, caseId).orElseThrow().version()).isEqualTo(1);
        assertThat(heard).hasSize(3).allMatch(CaseRiskAssessed::redelivered);
        assertThat(heard).extracting(CaseRiskAssessed::score).as("the case as it stands").containsOnly(40);
    }

    @Test
    void aComplaintEarlierInTheBatchCountsForTheSamePartysOtherCaseLaterInIt() {
        String party = "party-" + UUID.randomUUID();
        String complained = caseId();
        String other = caseId();
        List<CaseEvent> batch = List.of(opened(other, party), opened(complained, party), complaint(complained),
                inbound(other));

        CaseEventHandler handler = assessor.forBatch(batch);
        batch.forEach(handler::on);

        assertThat(heard.get(0).factors()).as("before the complaint").isEmpty();
        assertThat(heard.get(3).factors()).extracting(factor -> factor.code())
                .containsExactly("earlier_complaints_by_party");
        Document noted = mongo.findOne(Query.query(Criteria.where("_id").is(PartyComplaints.id(department, party))),
                Document.class, PartyComplaints.COLLECTION);
        assertThat(noted.getList("cases", String.class)).containsExactly(complained);
    }

    @Test
    void batchesOfTheSameCasesFromBothTopicsAtOnceKeepEveryEventOnce() throws Exception {
        List<String> cases = List.of(caseId(), caseId(), caseId());
        int rounds = 8;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<CaseEvent> sent = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            running.add(threads.submit(() -> batches(rounds, () -> cases.stream().map(this::inbound).toList(), sent)));
            running.add(threads.submit(() -> batches(rounds, () -> cases.stream().map(id -> feedback(id, 5)).toList(), sent)));
            for (Future<?> thread : running) {
                thread.get();
            }
        }
        finally {
            threads.shutdownNow();
        }

        for (String caseId : cases) {
            CaseRisk stored = store.find(department, caseId).orElseThrow();
            assertThat(stored.facts()).extracting(Fact::id).doesNotHaveDuplicates().hasSize(2 * rounds);
        }
        assertThat(heard).extracting(assessed -> assessed.cause().id()).as("every event handed on once")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent.stream().map(CaseEvent::id).toList());
    }

    @Test
    void casesTheOtherThreadChangedMeanwhileAreAssessedAgainBeforeTheBatchIsHandedOn() throws Exception {
        List<String> cases = List.of(caseId(), caseId(), caseId(), caseId());
        double conflictsBefore = conflicts();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<String> notYetStored = new CopyOnWriteArrayList<>();
        try {
            // until the two threads have collided a few times, as they do under load; bounded, so a store that
            // never lets them collide fails the test instead of running for ever
            for (int round = 0; round < 200 && conflicts() - conflictsBefore < 3; round++) {
                Future<?> contacts = threads.submit(() -> storedBeforeHandedOn(cases.stream().map(this::inbound).toList(), notYetStored));
                Future<?> feedback = threads.submit(() -> storedBeforeHandedOn(cases.stream().map(id -> feedback(id, 5)).toList(), notYetStored));
                contacts.get();
                feedback.get();
            }
        }
        finally {
            threads.shutdownNow();
        }

        assertThat(conflicts() - conflictsBefore).as("cases lost to the other thread's write").isGreaterThanOrEqualTo(3);
        assertThat(notYetStored).as("events whose case was not yet stored with them when forBatch returned").isEmpty();
    }

    private void storedBeforeHandedOn(List<CaseEvent> batch, List<String> notYetStored) {
        CaseEventHandler handler = assessor.forBatch(batch);
        for (CaseEvent event : batch) {
            List<String> facts = store.find(department, event.caseId()).orElseThrow().facts().stream().map(Fact::id).toList();
            if (!facts.contains(event.id())) {
                notYetStored.add(event.id());
            }
        }
        batch.forEach(handler::on);
    }

    private double conflicts() {
        Counter counter = meters.find("servicepuls.risk.write.conflicts").counter();
        return counter == null ? 0 : counter.count();
    }

    private void batches(int rounds, Supplier<List<CaseEvent>> next, List<CaseEvent> sent) {
        for (int round = 0; round < rounds; round++) {
            List<CaseEvent> batch = next.get();
            sent.addAll(batch);
            CaseEventHandler handler = assessor.forBatch(batch);
            batch.forEach(handler::on);
        }
    }

    private static String caseId() {
        return "SAG-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private CaseEvent opened(String caseId, String party) {
        return event(EventType.CASE_OPENED, caseId, new CaseOpened("boligstoette",
                new CaseOpened.Party(CaseOpened.Party.Type.CITIZEN, party, null), "sb-7", "ydelse-1"));
    }

    private CaseEvent pending(String caseId) {
        return event(EventType.DECISION_PENDING, caseId, new DecisionPending(DecisionPending.ExpectedOutcome.REJECTED,
                Instant.parse("2026-12-10T12:00:00Z"), "sb-7"));
    }

    private CaseEvent inbound(String caseId) {
        return event(EventType.CONTACT_RECORDED, caseId, new ContactRecorded("c-" + UUID.randomUUID(), null,
                ContactRecorded.Direction.INBOUND, null, null, null, null, null, null));
    }

    private CaseEvent feedback(String caseId, int csat) {
        return event(EventType.FEEDBACK_SUBMITTED, caseId,
                new FeedbackSubmitted("f-" + UUID.randomUUID(), null, null, csat, null, null, null, null));
    }

    private CaseEvent complaint(String caseId) {
        return event(EventType.COMPLAINT_FILED, caseId,
                new ComplaintFiled("k-" + UUID.randomUUID(), ComplaintFiled.Kind.SERVICE_COMPLAINT, null));
    }

    private CaseEvent event(EventType type, String caseId, Record data) {
        return new CaseEvent("/test/esdh", UUID.randomUUID().toString(), type, Instant.now(), department, caseId, data);
    }
}
