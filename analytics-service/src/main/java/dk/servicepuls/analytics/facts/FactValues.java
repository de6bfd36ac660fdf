package dk.servicepuls.analytics.facts;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dk.servicepuls.contracts.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picks out of an event's data the coded values the KPIs need, by type, and nothing else: no free text (a note, a
 * comment, a topic a department typed), no party and no caseworker. What is not of the expected kind is left out
 * rather than refused: the publishers validated their events, and a value analytics cannot read must not stop it
 * counting the rest.
 */
public final class FactValues {

    /** Names of the values, shared with the KPI side. */
    public static final String TEAM = "team";
    public static final String CASE_TYPE = "caseType";
    public static final String PARTY_TYPE = "partyType";
    public static final String CHANNEL = "channel";
    public static final String DIRECTION = "direction";
    public static final String WAIT_SECONDS = "waitSeconds";
    public static final String HANDLING_SECONDS = "handlingSeconds";
    public static final String RESOLVED_ON_FIRST_CONTACT = "resolvedOnFirstContact";
    public static final String PROACTIVE_CALL = "proactiveCall";
    public static final String EXPECTED_OUTCOME = "expectedOutcome";
    public static final String OUTCOME = "outcome";
    public static final String DUE_AT = "dueAt";
    public static final String TO_TEAM = "toTeam";
    public static final String TO_DEPARTMENT = "toDepartment";
    public static final String CSAT = "csat";
    public static final String CES = "ces";
    public static final String NPS = "nps";
    public static final String KIND = "kind";
    public static final String SENTIMENT = "sentiment";
    public static final String SENTIMENT_SCORE = "sentimentScore";
    public static final String COMPLAINT_INTENT = "complaintIntent";
    public static final String TOPICS = "topics";
    public static final String INTENT_KINDS = "intentKinds";
    public static final String TRIGGER = "trigger";

    /** The contact topic by which a department's telephony marks a call made ahead of a decision (Styrket Kontakt). */
    public static final String PROACTIVE_CALL_TOPIC = "styrket-kontakt";

    /** A code: letters, digits and a few separators, as departments name teams, channels and enum values. */
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/-]{0,63}");

    private static final int MAX_LIST = 20;

    private final JsonMapper json;

    public FactValues(JsonMapper json) {
        this.json = json;
    }

    public Map<String, Object> of(String type, byte[] data) {
        Optional<EventType> known = EventType.fromType(type);
        if (known.isEmpty() || data == null || data.length == 0) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = json.readTree(data);
        }
        catch (JacksonException unreadable) {
            return Map.of();
        }
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, Object> values = new HashMap<>();
        switch (known.get()) {
            case CASE_OPENED -> {
                code(values, TEAM, node.get("team"));
                code(values, CASE_TYPE, node.get("caseType"));
                JsonNode party = node.get("party");
                if (party != null) {
                    code(values, PARTY_TYPE, party.get("type"));
                }
            }
            case CONTACT_RECORDED -> {
                code(values, CHANNEL, node.get("channel"));
                code(values, DIRECTION, node.get("direction"));
                number(values, WAIT_SECONDS, node.get("waitSeconds"));
                number(values, HANDLING_SECONDS, node.get("handlingSeconds"));
                bool(values, RESOLVED_ON_FIRST_CONTACT, node.get("resolvedOnFirstContact"));
                JsonNode topic = node.get("topic");
                if (topic != null && topic.isString() && PROACTIVE_CALL_TOPIC.equals(topic.asString())) {
                    values.put(PROACTIVE_CALL, true);
                }
            }
            case DECISION_PENDING -> {
                code(values, EXPECTED_OUTCOME, node.get("expectedOutcome"));
                instant(values, DUE_AT, node.get("dueAt"));
            }
            case DECISION_MADE, TASK_COMPLETED -> code(values, OUTCOME, node.get("outcome"));
            case CASE_TRANSFERRED -> {
                code(values, TO_TEAM, node.get("toTeam"));
                code(values, TO_DEPARTMENT, node.get("toDepartment"));
            }
            case FEEDBACK_SUBMITTED -> {
                number(values, CSAT, node.get("csat"));
                number(values, CES, node.get("ces"));
                number(values, NPS, node.get("nps"));
                code(values, CHANNEL, node.get("channel"));
            }
            case COMPLAINT_FILED -> code(values, KIND, node.get("kind"));
            case FEEDBACK_ANALYZED -> {
                code(values, SENTIMENT, node.get("sentiment"));
                number(values, SENTIMENT_SCORE, node.get("sentimentScore"));
                bool(values, COMPLAINT_INTENT, node.get("complaintIntent"));
                codes(values, TOPICS, node.get("topics"));
                codes(values, INTENT_KINDS, node.get("intentKinds"));
                number(values, CSAT, node.get("csat"));
                number(values, CES, node.get("ces"));
                number(values, NPS, node.get("nps"));
            }
            case TASK_CREATED -> {
                code(values, TRIGGER, node.get("trigger"));
                instant(values, DUE_AT, node.get("dueAt"));
                code(values, TEAM, node.get("team"));
            }
            default -> {
                // counted by type alone
            }
        }
        return values;
    }

    /** Whether the text is a code as the facts keep one (a team, a channel, an enum value). */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    private static void code(Map<String, Object> values, String name, JsonNode node) {
        if (node != null && node.isString() && CODE.matcher(node.asString()).matches()) {
            values.put(name, node.asString());
        }
    }

    private static void codes(Map<String, Object> values, String name, JsonNode node) {
        if (node == null || !node.isArray()) {
            return;
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode item : node) {
            if (codes.size() < MAX_LIST && item.isString() && CODE.matcher(item.asString()).matches()) {
                codes.add(item.asString());
            }
        }
        values.put(name, List.copyOf(codes));
    }

    private static void number(Map<String, Object> values, String name, JsonNode node) {
        if (node != null && node.isNumber() && Double.isFinite(node.asDouble())) {
            values.put(name, node.asDouble());
        }
    }

    private static void bool(Map<String, Object> values, String name, JsonNode node) {
        if (node != null && node.isBoolean()) {
            values.put(name, node.asBoolean());
        }
    }

    private static void instant(Map<String, Object> values, String name, JsonNode node) {
        if (node != null && node.isString()) {
            try {
                values.put(name, OffsetDateTime.parse(node.asString()).toInstant());
            }
            catch (DateTimeParseException notATime) {
                // left out
            }
        }
    }
}
