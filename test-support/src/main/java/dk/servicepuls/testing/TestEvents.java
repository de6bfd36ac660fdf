package dk.servicepuls.testing;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds structured-mode CloudEvents as a department's system would send them. */
public final class TestEvents {

    public static final String SOURCE = "/test/esdh";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode event = JSON.createObjectNode();

    private TestEvents(String type) {
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", SOURCE);
        event.put("type", type);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
    }

    public static TestEvents event(String type) {
        return new TestEvents(type);
    }

    public static TestEvents event(String shortType, String caseId, String department) {
        return new TestEvents("dk.servicepuls." + shortType + ".v1").subject(caseId).department(department);
    }

    public TestEvents id(String id) {
        event.put("id", id);
        return this;
    }

    public TestEvents source(String source) {
        event.put("source", source);
        return this;
    }

    public TestEvents subject(String subject) {
        event.put("subject", subject);
        return this;
    }

    public TestEvents department(String department) {
        event.put("department", department);
        return this;
    }

    public TestEvents time(Instant time) {
        event.put("time", time.toString());
        return this;
    }

    public TestEvents without(String attribute) {
        event.remove(attribute);
        return this;
    }

    public TestEvents data(String json) {
        event.set("data", JSON.readTree(json));
        return this;
    }

    public String id() {
        return event.get("id").asString();
    }

    public String json() {
        return JSON.writeValueAsString(event);
    }

    public static String batch(TestEvents... events) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < events.length; i++) {
            batch.append(i == 0 ? "" : ",").append(events[i].json());
        }
        return batch.append(']').toString();
    }
}
