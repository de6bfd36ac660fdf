package dk.servicepuls.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ground truth as JSON lines, one object per case with the {@link CaseTruth} components as fields (times RFC
 * 3339, outcomes as the contract spells them, absent values as {@code null}). It names cases only, never a party.
 */
public final class TruthFile {

    private static final JsonMapper JSON = JsonMapper.shared();

    private TruthFile() {
    }

    public static void write(Path file, List<CaseTruth> truth) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (CaseTruth entry : truth) {
                    out.write(JSON.writeValueAsString(toJson(entry)));
                    out.newLine();
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ground truth to " + file, e);
        }
    }

    public static List<CaseTruth> read(Path file) {
        try {
            List<CaseTruth> truth = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    truth.add(fromJson(JSON.readTree(line)));
                }
            }
            return truth;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ground truth from " + file, e);
        }
    }

    static ObjectNode toJson(CaseTruth t) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("caseId", t.caseId());
        line.put("department", t.department());
        line.put("caseType", t.caseType());
        line.put("openedAt", text(t.openedAt()));
        line.put("decisionPendingAt", text(t.decisionPendingAt()));
        line.put("expectedOutcome", t.expectedOutcome().code());
        line.put("outcome", t.outcome().code());
        line.put("decisionMadeAt", text(t.decisionMadeAt()));
        line.put("closedAt", text(t.closedAt()));
        line.put("inboundContacts", t.inboundContacts());
        line.put("longWaits", t.longWaits());
        line.put("unresolvedContacts", t.unresolvedContacts());
        line.put("handOffs", t.handOffs());
        line.put("negativeFeedback", t.negativeFeedback());
        line.put("earlierComplaintByParty", t.earlierComplaintByParty());
        line.put("eligibleForCall", t.eligibleForCall());
        line.put("called", t.called());
        line.put("propensity", round(t.propensity()));
        line.put("complaintProbability", round(t.complaintProbability()));
        line.put("wouldComplainWithoutCall", t.wouldComplainWithoutCall());
        line.put("complained", t.complained());
        line.put("complaintKind", t.complaintKind());
        line.put("complaintAt", text(t.complaintAt()));
        line.put("complete", t.complete());
        return line;
    }

    static CaseTruth fromJson(JsonNode n) {
        return new CaseTruth(n.get("caseId").asString(), n.get("department").asString(), n.get("caseType").asString(),
                time(n, "openedAt"), time(n, "decisionPendingAt"), Outcome.of(n.get("expectedOutcome").asString()),
                Outcome.of(n.get("outcome").asString()), time(n, "decisionMadeAt"), time(n, "closedAt"),
                n.get("inboundContacts").asInt(), n.get("longWaits").asInt(), n.get("unresolvedContacts").asInt(),
                n.get("handOffs").asInt(), n.get("negativeFeedback").asBoolean(),
                n.get("earlierComplaintByParty").asBoolean(), n.get("eligibleForCall").asBoolean(),
                n.get("called").asBoolean(), n.get("propensity").asDouble(), n.get("complaintProbability").asDouble(),
                n.get("wouldComplainWithoutCall").asBoolean(), n.get("complained").asBoolean(),
                n.path("complaintKind").isString() ? n.get("complaintKind").asString() : null, time(n, "complaintAt"),
                n.get("complete").asBoolean());
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }

    private static Instant time(JsonNode line, String field) {
        JsonNode value = line.path(field);
        return value.isString() ? Instant.parse(value.asString()) : null;
    }

    /** Six decimals: enough to recompute any rate, and the same text on every platform. */
    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }
}
