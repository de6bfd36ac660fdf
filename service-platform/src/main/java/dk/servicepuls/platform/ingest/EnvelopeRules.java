package dk.servicepuls.platform.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.cloudevents.Violation;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The contract's envelope rules beyond what the CloudEvents SDK enforces. */
final class EnvelopeRules {

    /** Department codes become metric labels and URL parameters: keep them short, plain and free of personal data. */
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_SUBJECT_LENGTH = 200;
    private static final String TO_DEPARTMENT = "toDepartment";

    private final Set<EventType> accepted;
    private final String acceptedList;
    private final FreeTextMasker masker;
    private final KnownDepartments departments;

    EnvelopeRules(Set<EventType> accepted, FreeTextMasker masker, KnownDepartments departments) {
        this.accepted = accepted;
        this.acceptedList = accepted.stream().map(EventType::type).sorted().collect(Collectors.joining(", "));
        this.masker = masker;
        this.departments = departments;
    }

    List<Violation> check(CloudEvent event) {
        List<Violation> violations = new ArrayList<>();
        Optional<EventType> type = EventType.fromType(event.getType());
        if (type.isEmpty() || !accepted.contains(type.get())) {
            String where = type.map(t -> t.ingestTopic() == null ? "it is published by the platform, not ingested"
                    : "send it to the service that consumes " + t.ingestTopic()).orElse("it is not in the contract");
            violations.add(Violation.attribute("type", "Type is not accepted here (" + where + "); accepted: " + acceptedList));
        }
        if (event.getTime() == null) {
            violations.add(Violation.attribute("time", "Required attribute 'time' (RFC 3339) is missing"));
        }
        Object department = event.getExtension(CloudEventAttributes.DEPARTMENT);
        if (department == null || department.toString().isBlank()) {
            violations.add(Violation.attribute(CloudEventAttributes.DEPARTMENT, "Required extension 'department' is missing"));
        }
        else if (!DEPARTMENT.matcher(department.toString()).matches()) {
            violations.add(Violation.attribute(CloudEventAttributes.DEPARTMENT,
                    "Extension 'department' must be a code of letters, digits, '.', '_' or '-' (at most 64)"));
        }
        else if (!departments.knows(department.toString())) {
            violations.add(Violation.attribute(CloudEventAttributes.DEPARTMENT, departments.unknown("department")));
        }
        String subject = event.getSubject();
        if (subject == null || subject.isBlank()) {
            if (type.map(EventType::subjectRequired).orElse(false)) {
                violations.add(Violation.attribute("subject", "Required attribute 'subject' (the case id) is missing"));
            }
        }
        else if (subject.length() > MAX_SUBJECT_LENGTH) {
            violations.add(Violation.attribute("subject", "Attribute 'subject' is longer than " + MAX_SUBJECT_LENGTH));
        }
        else if (masker.containsCprOrEmail(subject)) {
            // case ids end up in URLs and Kafka keys, where personal data must never be
            violations.add(Violation.attribute("subject",
                    "Attribute 'subject' must be a case id, not a CPR number or an e-mail address"));
        }
        String contentType = event.getDataContentType();
        if (contentType != null && !isJson(contentType)) {
            violations.add(Violation.attribute("datacontenttype", "Only application/json data is accepted"));
        }
        return violations;
    }

    /** A transfer's receiving department must be one the deployment knows, like the sending one. */
    List<Violation> checkDepartments(EventType type, ObjectNode data) {
        JsonNode to = data.get(TO_DEPARTMENT);
        if (type != EventType.CASE_TRANSFERRED || to == null || !to.isString() || departments.knows(to.asString())) {
            return List.of();
        }
        return List.of(Violation.field(TO_DEPARTMENT, departments.unknown("receiving department")));
    }

    static boolean isJson(String contentType) {
        String base = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        return base.equals("application/json") || base.endsWith("+json") || base.equals("text/json");
    }

    static String dataAsText(CloudEvent event) {
        return event.getData() == null ? null : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    }
}
