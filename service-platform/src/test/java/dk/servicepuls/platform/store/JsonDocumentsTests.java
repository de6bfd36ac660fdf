package dk.servicepuls.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A value's document is the one {@code Document.parse} gives of its JSON text: same values, types and order. */
class JsonDocumentsTests {

    private final JsonMapper json = JsonMapper.shared();

    record Nested(String name, List<Integer> counts, Map<String, Object> extra) {
    }

    record Announcement(String id, int score, long bigCount, long smallCount, double share, double whole, boolean flag,
            String absent, Instant at, Nested nested, List<Nested> many, List<String> words) {
    }

    @Test
    void aRecordBecomesTheDocumentItsJsonParsesTo() {
        Announcement value = new Announcement("risk-1", 55, 3_000_000_000L, 7L, 0.125, 3.0, true, null,
                Instant.parse("2026-12-07T10:15:30.123Z"), new Nested("æøå \"quoted\" \\ \n", List.of(1, 2), Map.of()),
                List.of(new Nested("a", List.of(), Map.of("k", "v")), new Nested(null, List.of(-1), Map.of("n", 2))),
                List.of("klage", "over"));

        assertSameAsParsed(value);
        Document document = JsonDocuments.of(json, value);
        assertThat(document.get("smallCount")).as("a long that fits is an int32, as parsed").isInstanceOf(Integer.class);
        assertThat(document.get("bigCount")).isInstanceOf(Long.class);
        assertThat(document.get("whole")).isInstanceOf(Double.class);
    }

    @Test
    void aTreeBecomesTheDocumentItsJsonParsesTo() {
        JsonNode tree = json.readTree("""
                {"z": 1, "a": [1, 2147483648, -0, 1.5e3, "x", null, true, {"deep": [[]]}], "e": {}, "n": null,
                 "neg": -2147483649, "tiny": 1e-300, "u": "\\u00e6"}
                """);

        assertSameAsParsed(tree);
    }

    @Test
    void whatTheTreeCannotGiveTheSameWayGoesThroughTheText() {
        assertSameAsParsed(json.readTree("{\"when\": {\"$date\": \"2026-12-07T10:15:30Z\"}}"));
        assertThat(JsonDocuments.of(json, json.readTree("{\"when\": {\"$date\": \"2026-12-07T10:15:30Z\"}}")).get("when"))
                .as("extended JSON, as Document.parse reads it").isInstanceOf(java.util.Date.class);
        assertSameAsParsed(Map.of("decimal", new BigDecimal("10.50"), "integer", BigInteger.TEN, "float", 0.1f));
        assertRefusedAsParsed(json.readTree("{\"huge\": 123456789012345678901234567890}"));
        assertRefusedAsParsed(json.readTree("[1, 2]"));
    }

    private void assertRefusedAsParsed(JsonNode value) {
        Throwable refused = catchThrowable(() -> Document.parse(json.writeValueAsString(value)));
        assertThat(refused).isNotNull();
        assertThatThrownBy(() -> JsonDocuments.of(json, value)).isInstanceOf(refused.getClass());
    }

    private void assertSameAsParsed(Object value) {
        Document parsed = Document.parse(json.writeValueAsString(value));
        Document made = JsonDocuments.of(json, value);
        assertThat(made).isEqualTo(parsed);
        assertThat(made.toJson()).as("field order and types").isEqualTo(parsed.toJson());
        assertThat(types(made)).isEqualTo(types(parsed));
    }

    /** Every value's class, depth first: equal documents could still hold 1 as an int32 in one and an int64 in the other. */
    private static String types(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder types = new StringBuilder("{");
            map.forEach((key, item) -> types.append(key).append('=').append(types(item)).append(','));
            return types.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonDocumentsTests::types).toList().toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
