package dk.servicepuls.platform.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CloudEventReaderTests {

    private static final String EVENT = """
            {"specversion":"1.0","id":"e-1","source":"/aarhus/esdh","type":"dk.servicepuls.case.closed.v1",
             "time":"2026-11-23T10:00:00+01:00","subject":"SAG-1","department":"byg","data":{}}""";

    private final CloudEventReader reader = new CloudEventReader(JsonMapper.builder().build());

    @Test
    void readsStructuredModeWithCharsetParameter() {
        List<ReadResult> results = reader.readHttp(Map.of("content-type", "application/cloudevents+json; charset=UTF-8"), bytes(EVENT));

        assertThat(results).singleElement().isInstanceOfSatisfying(ReadResult.Readable.class, readable -> {
            assertThat(readable.event().getId()).isEqualTo("e-1");
            assertThat(readable.event().getExtension("department")).isEqualTo("byg");
            assertThat(readable.event().getTime()).isNotNull();
        });
    }

    @Test
    void countsABatchUpToTheLimitWithoutReadingWhatComesAfter() {
        // after the limit the body is not even JSON: counting stops before it gets there
        byte[] overLimit = bytes("[" + (EVENT.strip() + ",").repeat(3) + "{\"deep\":[[[[]]]]}, not json at all");

        assertThat(reader.countBatch(overLimit, 4)).isEqualTo(4);
        assertThat(reader.countBatch(bytes("[" + EVENT + "," + EVENT + "]"), 1001)).isEqualTo(2);
        assertThat(reader.countBatch(bytes("{\"not\":\"an array\"}"), 1001)).isZero();
        assertThat(reader.countBatch(new byte[0], 1001)).isZero();
    }

    @Test
    void readsBinaryMode() {
        List<ReadResult> results = reader.readHttp(Map.of("content-type", "application/json", "ce-specversion", "1.0",
                "ce-id", "e-2", "ce-source", "/x", "ce-type", "t", "ce-department", "byg"), bytes("{\"a\":1}"));

        assertThat(results).singleElement().isInstanceOfSatisfying(ReadResult.Readable.class,
                readable -> assertThat(new String(readable.event().getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}"));
    }

    @Test
    void namesEveryMissingRequiredAttributeAtOnce() {
        ReadResult result = reader.readHttp(Map.of("content-type", "application/cloudevents+json"),
                bytes("{\"specversion\":\"1.0\",\"type\":\"t\"}")).get(0);

        assertThat(result).isInstanceOfSatisfying(ReadResult.Unreadable.class, unreadable -> assertThat(unreadable.violations())
                .extracting(Violation::pointer).containsExactly("#/id", "#/source"));
    }

    @Test
    void reportsABadTimeWithoutRepeatingIt() {
        ReadResult result = reader.readHttp(Map.of("content-type", "application/cloudevents+json"),
                bytes(EVENT.replace("2026-11-23T10:00:00+01:00", "0101901234"))).get(0);

        assertThat(result).isInstanceOfSatisfying(ReadResult.Unreadable.class, unreadable -> {
            assertThat(unreadable.violations()).extracting(Violation::pointer).containsExactly("#/time");
            assertThat(unreadable.violations().get(0).detail()).doesNotContain("0101901234");
        });
    }

    @Test
    void readsEachEventOfABatchOnItsOwn() {
        List<ReadResult> results = reader.readHttp(Map.of("content-type", "application/cloudevents-batch+json"),
                bytes("[" + EVENT + ",{\"specversion\":\"1.0\"}, 42]"));

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOf(ReadResult.Readable.class);
        assertThat(results.get(1)).isInstanceOf(ReadResult.Unreadable.class);
        assertThat(results.get(2)).isInstanceOf(ReadResult.Unreadable.class);
    }

    @Test
    void refusesABatchThatIsNotAnArray() {
        assertThatThrownBy(() -> reader.readHttp(Map.of("content-type", "application/cloudevents-batch+json"), bytes(EVENT)))
                .isInstanceOf(MalformedBatchException.class);
    }

    @Test
    void refusesARequestWithoutAnyCloudEventMarkers() {
        assertThatThrownBy(() -> reader.readHttp(Map.of("content-type", "application/json"), bytes("{}")))
                .isInstanceOf(UnsupportedEncodingException.class);
    }

    @Test
    void readsKafkaBinaryAndStructuredRecords() {
        RecordHeaders binary = new RecordHeaders();
        Map.of("ce_specversion", "1.0", "ce_id", "k-1", "ce_source", "/x", "ce_type", "t", "content-type", "application/json")
                .forEach((name, value) -> binary.add(name, bytes(value)));
        RecordHeaders structured = new RecordHeaders();
        structured.add("content-type", bytes("application/cloudevents+json; charset=UTF-8"));

        assertThat(reader.readKafka(binary, bytes("{}"))).isInstanceOf(ReadResult.Readable.class);
        assertThat(reader.readKafka(structured, bytes(EVENT))).isInstanceOf(ReadResult.Readable.class);
        assertThat(reader.readKafka(new RecordHeaders(), bytes("{}"))).isInstanceOfSatisfying(ReadResult.Unreadable.class,
                unreadable -> assertThat(unreadable.violations()).extracting(Violation::pointer).containsExactly("#/specversion"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
