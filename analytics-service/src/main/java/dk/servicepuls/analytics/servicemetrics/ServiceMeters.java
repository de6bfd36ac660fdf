package dk.servicepuls.analytics.servicemetrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dk.servicepuls.analytics.facts.EventFact;
import dk.servicepuls.analytics.facts.FactValues;
import dk.servicepuls.analytics.facts.FactView;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.WireCodes;
import dk.servicepuls.contracts.events.Channel;
import dk.servicepuls.contracts.events.ComplaintFiled;
import dk.servicepuls.contracts.events.ContactRecorded;
import dk.servicepuls.contracts.events.DecisionMade;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.contracts.events.FeedbackAnalyzed;
import dk.servicepuls.contracts.events.TaskCompleted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The service KPIs as Prometheus counters and histograms, for Grafana to take rates and ratios of: contacts and their
 * waits, first-contact resolution, CSAT, CES, NPS answers, analysed texts and their topics, decisions, complaints,
 * proactive calls and completed tasks. Labels come from closed sets (the contract's enums, the nine topics) or are
 * capped (departments), so no sender can make up time series, and never name a case, a party or a caseworker.
 * Rebuilt from the stored facts at start, like every view, so a restart continues the counts. No name ends in
 * {@code created}: Prometheus reserves {@code _created} for a counter's creation time and the client drops it.
 */
@Component
class ServiceMeters implements FactView {

    /** More departments than this in one deployment share the label {@value #OTHER}. */
    static final int MAX_DEPARTMENTS = 200;
    static final String OTHER = "other";
    static final String UNKNOWN = "unknown";

    private static final Set<String> CHANNELS = WireCodes.of(Channel.class);
    private static final Set<String> DIRECTIONS = WireCodes.of(ContactRecorded.Direction.class);
    private static final Set<String> SENTIMENTS = WireCodes.of(FeedbackAnalyzed.Sentiment.class);
    /** The nine rules' topic codes of feedback.analyzed (its schema); the contract has them as text only. */
    private static final Set<String> TOPICS = Set.of("waiting-time", "processing-time", "sent-around",
            "unfriendly-treatment", "wrong-information", "self-service-failure", "decision-disagreement",
            "missing-information", "good-experience");
    private static final Set<String> OUTCOMES = WireCodes.of(DecisionMade.Outcome.class);
    private static final Set<String> EXPECTED_OUTCOMES = WireCodes.of(DecisionPending.ExpectedOutcome.class);
    private static final Set<String> COMPLAINT_KINDS = WireCodes.of(ComplaintFiled.Kind.class);
    private static final Set<String> TASK_OUTCOMES = WireCodes.of(TaskCompleted.Outcome.class);

    /** Seconds: the service levels a contact centre is read against. */
    private static final double[] WAIT_BUCKETS = {30, 60, 120, 180, 300, 600, 900, 1800};

    /** Each value of a scale its own bucket. */
    private static final double[] CSAT_BUCKETS = {1, 2, 3, 4, 5};
    private static final double[] CES_BUCKETS = {1, 2, 3, 4, 5, 6, 7};

    private final MeterRegistry registry;
    private final Set<String> departments = ConcurrentHashMap.newKeySet();

    ServiceMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void add(List<EventFact> facts) {
        facts.forEach(this::add);
    }

    private void add(EventFact fact) {
        String department = department(fact.department());
        switch (EventType.fromType(fact.type()).orElse(EventType.SURVEY_INVITED)) {
            case CONTACT_RECORDED -> contact(fact, department);
            case FEEDBACK_SUBMITTED -> answer(fact, department);
            case FEEDBACK_ANALYZED -> analysed(fact, department);
            case CASE_OPENED -> counter("servicepuls.cases.opened", "Cases opened", department).increment();
            case CASE_CLOSED -> counter("servicepuls.cases.closed", "Cases closed", department).increment();
            case CASE_TRANSFERRED -> counter("servicepuls.case.handoffs", "Cases handed to another team or department",
                    department, "to_another_department", String.valueOf(fact.text(FactValues.TO_DEPARTMENT) != null
                            && !fact.text(FactValues.TO_DEPARTMENT).equals(fact.department()))).increment();
            case DECISION_PENDING -> counter("servicepuls.decisions.pending", "Decisions announced as pending",
                    department, "expected_outcome", closed(fact.text(FactValues.EXPECTED_OUTCOME), EXPECTED_OUTCOMES))
                    .increment();
            case DECISION_MADE -> counter("servicepuls.decisions", "Decisions made", department, "outcome",
                    closed(fact.text(FactValues.OUTCOME), OUTCOMES)).increment();
            case COMPLAINT_FILED -> counter("servicepuls.complaints", "Complaints and appeals filed", department, "kind",
                    closed(fact.text(FactValues.KIND), COMPLAINT_KINDS)).increment();
            case TASK_CREATED -> counter("servicepuls.call.tasks", "Proactive-call tasks created", department)
                    .increment();
            case TASK_COMPLETED -> counter("servicepuls.call.tasks.completed", "Proactive-call tasks completed", department,
                    "outcome", closed(fact.text(FactValues.OUTCOME), TASK_OUTCOMES)).increment();
            default -> {
                // counted by type in servicepuls_events_total
            }
        }
    }

    private void contact(EventFact fact, String department) {
        String channel = closed(fact.text(FactValues.CHANNEL), CHANNELS);
        String direction = closed(fact.text(FactValues.DIRECTION), DIRECTIONS);
        counter("servicepuls.contacts", "Contacts recorded", department, "channel", channel, "direction", direction)
                .increment();
        if (fact.flag(FactValues.PROACTIVE_CALL) && "outbound".equals(direction)) {
            counter("servicepuls.proactive.calls", "Proactive calls recorded by the departments' telephony", department)
                    .increment();
        }
        if (!"inbound".equals(direction)) {
            return;
        }
        Double wait = fact.number(FactValues.WAIT_SECONDS);
        if (wait != null && wait >= 0) {
            DistributionSummary.builder("servicepuls.contact.wait").baseUnit("seconds")
                    .description("How long an inbound contact waited before it was answered")
                    .serviceLevelObjectives(WAIT_BUCKETS)
                    .tag("department", department).tag("channel", channel)
                    .register(registry).record(wait);
        }
        Boolean resolved = fact.bool(FactValues.RESOLVED_ON_FIRST_CONTACT);
        if (resolved != null) {
            counter("servicepuls.contacts.first.contact.resolution", "Inbound contacts that say whether they were "
                    + "resolved on first contact", department, "resolved", resolved.toString()).increment();
        }
    }

    private void answer(EventFact fact, String department) {
        score("servicepuls.feedback.csat", "CSAT answers, 1 to 5", fact.number(FactValues.CSAT), CSAT_BUCKETS, department);
        score("servicepuls.feedback.ces", "CES answers, 1 (very easy) to 7 (very hard)", fact.number(FactValues.CES),
                CES_BUCKETS, department);
        Double nps = fact.number(FactValues.NPS);
        if (nps != null && nps >= 0 && nps <= 10) {
            String group = nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
            counter("servicepuls.feedback.nps.answers", "NPS answers by group", department, "group", group).increment();
        }
    }

    private void score(String name, String description, Double value, double[] buckets, String department) {
        if (value == null || value < buckets[0] || value > buckets[buckets.length - 1]) {
            return;
        }
        DistributionSummary.builder(name).description(description).serviceLevelObjectives(buckets)
                .tag("department", department).register(registry).record(value);
    }

    private void analysed(EventFact fact, String department) {
        counter("servicepuls.texts.analysed", "Comments, notes and complaint texts analysed", department, "sentiment",
                closed(fact.text(FactValues.SENTIMENT), SENTIMENTS), "complaint_intent",
                String.valueOf(fact.flag(FactValues.COMPLAINT_INTENT))).increment();
        for (String topic : fact.texts(FactValues.TOPICS)) {
            counter("servicepuls.texts.topics", "Nine-rules topics found in analysed texts", department, "topic",
                    closed(topic, TOPICS)).increment();
        }
    }

    private Counter counter(String name, String description, String department, String... tags) {
        Counter.Builder builder = Counter.builder(name).description(description).tag("department", department);
        for (int i = 0; i < tags.length; i += 2) {
            builder.tag(tags[i], tags[i + 1]);
        }
        return builder.register(registry);
    }

    private String department(String department) {
        if (department == null) {
            return UNKNOWN;
        }
        if (departments.contains(department)) {
            return department;
        }
        if (departments.size() >= MAX_DEPARTMENTS) {
            return OTHER;
        }
        departments.add(department);
        return department;
    }

    private static String closed(String value, Set<String> known) {
        if (value == null) {
            return UNKNOWN;
        }
        return known.contains(value) ? value : OTHER;
    }
}
