package dk.servicepuls.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** asyncapi.yaml stays in step with the schema files and with {@link EventType}. */
class AsyncApiDocumentTests {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SCHEMAS = MODULE.resolve("src/main/resources/contracts/schemas");

    private static Map<String, Object> document;

    @BeforeAll
    static void load() throws IOException {
        try (Reader reader = Files.newBufferedReader(MODULE.resolve("asyncapi.yaml"))) {
            document = new Yaml().load(reader);
        }
    }

    @Test
    void declaresAsyncApi3AndAllSevenTopics() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(map(document, "channels").values())
                .extracting(channel -> (Object) cast(channel).get("address"))
                .containsExactlyInAnyOrder(Topics.INGEST_CONTACT, Topics.INGEST_FEEDBACK, Topics.INGEST_REJECTED,
                        Topics.CONTACT_EVENTS, Topics.FEEDBACK_EVENTS, Topics.ESCALATION_EVENTS,
                        Topics.PRIVACY_ERASURES);
    }

    @Test
    void referencesEverySchemaFileAndOnlyExistingOnes() throws IOException {
        Set<String> files;
        try (Stream<Path> paths = Files.list(SCHEMAS)) {
            files = paths.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> fileRefs = new HashSet<>();
        collectRefs(document, fileRefs);
        fileRefs.removeIf(ref -> ref.startsWith("#"));

        assertThat(files).hasSize(EventType.values().length + 1).contains("ingest.rejected.schema.json");
        assertThat(fileRefs).allSatisfy(ref -> assertThat(MODULE.resolve(ref).normalize()).isRegularFile());
        assertThat(fileRefs).containsExactlyInAnyOrderElementsOf(
                files.stream().map(file -> "./src/main/resources/contracts/schemas/" + file).toList());
    }

    @Test
    void eachTypeIsAMessageOnItsTopics() {
        Map<String, Set<String>> typesByTopic = new HashMap<>();
        Map<String, Object> messages = map(map(document, "components"), "messages");
        map(document, "channels").values().forEach(value -> {
            Map<String, Object> channel = cast(value);
            Set<String> names = map(channel, "messages").values().stream()
                    .map(ref -> (String) ((Map<?, ?>) ref).get("$ref"))
                    .map(ref -> (String) map(messages, ref.substring(ref.lastIndexOf('/') + 1)).get("name"))
                    .collect(Collectors.toSet());
            typesByTopic.put((String) channel.get("address"), names);
        });

        for (EventType type : EventType.values()) {
            assertThat(typesByTopic.get(type.publishedTopic())).as(type.name()).contains(type.type());
            if (type.ingested()) {
                assertThat(typesByTopic.get(type.ingestTopic())).as(type.name()).contains(type.type());
            }
        }
        assertThat(typesByTopic.get(Topics.INGEST_REJECTED)).containsExactly(Topics.INGEST_REJECTED);
    }

    private static void collectRefs(Object node, Set<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return cast(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
