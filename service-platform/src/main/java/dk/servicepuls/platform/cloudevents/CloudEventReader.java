package dk.servicepuls.platform.cloudevents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CloudEvents off HTTP requests and Kafka records with the CloudEvents SDK. Before the SDK sees an event, the
 * attributes it insists on are checked here so that an answer names every missing one at once, not just the first
 * the SDK trips over.
 */
public final class CloudEventReader {

    public static final String STRUCTURED = "application/cloudevents+json";
    public static final String BATCH = "application/cloudevents-batch+json";

    private static final List<String> SDK_REQUIRED = List.of("specversion", "id", "source", "type");
    private static final Pattern ATTRIBUTE_IN_MESSAGE = Pattern.compile("(?:attribute|extension)[^\"']*[\"']([a-z0-9]+)[\"']",
            Pattern.CASE_INSENSITIVE);

    private final JsonMapper json;
    private final EventFormat format;

    public CloudEventReader(JsonMapper json) {
        this.json = json;
        this.format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        if (format == null) {
            throw new IllegalStateException("No CloudEvents JSON format on the class path (cloudevents-json-jackson)");
        }
    }

    /** @param headers HTTP headers with lower-case names */
    public List<ReadResult> readHttp(Map<String, String> headers, byte[] body) {
        String contentType = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        if (contentType.startsWith(BATCH)) {
            return readBatch(body);
        }
        if (contentType.startsWith(STRUCTURED)) {
            return List.of(readStructured(body));
        }
        if (headers.containsKey("ce-specversion")) {
            return List.of(readBinary(headers::containsKey, "ce-", () -> HttpMessageFactory.createReader(headers, body),
                    headers::get));
        }
        throw new UnsupportedEncodingException("Send one event as " + STRUCTURED + ", several as " + BATCH
                + ", or one in binary mode with ce-* headers; this request has none of them");
    }

    /**
     * How many events a batch body holds, counted without reading them (each element is skipped over, not built),
     * and only up to {@code stopAfter}: so that a batch over the limit is refused before any of it is parsed. A body
     * that is not a JSON array counts as 0; reading it then says why.
     */
    public int countBatch(byte[] body, int stopAfter) {
        if (body == null || body.length == 0) {
            return 0;
        }
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return 0;
            }
            int count = 0;
            while (count < stopAfter) {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    break;
                }
                parser.skipChildren();
                count++;
            }
            return count;
        }
        catch (JacksonException notJson) {
            return 0;
        }
    }

    /** Reads a Kafka record in binary mode ({@code ce_*} headers) or structured mode (content-type header). */
    public ReadResult readKafka(Headers headers, byte[] value) {
        String contentType = lastHeader(headers, "content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(STRUCTURED)) {
            return readStructured(value);
        }
        if (lastHeader(headers, "ce_specversion") == null) {
            return new ReadResult.Unreadable(EventRef.UNKNOWN, List.of(Violation.attribute("specversion",
                    "A record needs either ce_* headers (binary mode) or content-type " + STRUCTURED + " (structured mode)")));
        }
        return readBinary(name -> lastHeader(headers, name) != null, "ce_",
                () -> KafkaMessageFactory.createReader(headers, value), name -> lastHeader(headers, name));
    }

    private List<ReadResult> readBatch(byte[] body) {
        JsonNode array = parse(body);
        if (array == null || !array.isArray()) {
            throw new MalformedBatchException("A batch must be a JSON array of structured CloudEvents");
        }
        List<ReadResult> results = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            results.add(readStructured(element));
        }
        return results;
    }

    private ReadResult readStructured(byte[] body) {
        JsonNode node = parse(body);
        if (node == null) {
            return new ReadResult.Unreadable(EventRef.UNKNOWN, List.of(Violation.body("The body is not JSON")));
        }
        return readStructured(node);
    }

    private ReadResult readStructured(JsonNode node) {
        if (!node.isObject()) {
            return new ReadResult.Unreadable(EventRef.UNKNOWN, List.of(Violation.body("A structured CloudEvent must be a JSON object")));
        }
        EventRef ref = new EventRef(text(node, "source"), text(node, "id"), text(node, "type"));
        List<Violation> missing = new ArrayList<>();
        for (String attribute : SDK_REQUIRED) {
            if (text(node, attribute) == null) {
                missing.add(Violation.attribute(attribute, "Required attribute '" + attribute + "' is missing or not a string"));
            }
        }
        if (!missing.isEmpty()) {
            return new ReadResult.Unreadable(ref, missing);
        }
        return sdk(ref, () -> format.deserialize(json.writeValueAsBytes(node)));
    }

    private ReadResult readBinary(Function<String, Boolean> has, String prefix, Supplier<MessageReader> reader,
            Function<String, String> header) {
        EventRef ref = new EventRef(header.apply(prefix + "source"), header.apply(prefix + "id"), header.apply(prefix + "type"));
        List<Violation> missing = new ArrayList<>();
        for (String attribute : SDK_REQUIRED) {
            if (!has.apply(prefix + attribute)) {
                missing.add(Violation.attribute(attribute, "Required attribute '" + attribute + "' is missing (header "
                        + prefix + attribute + ")"));
            }
        }
        if (!missing.isEmpty()) {
            return new ReadResult.Unreadable(ref, missing);
        }
        return sdk(ref, () -> reader.get().toEvent());
    }

    private ReadResult sdk(EventRef ref, Supplier<io.cloudevents.CloudEvent> read) {
        try {
            return new ReadResult.Readable(read.get());
        }
        catch (RuntimeException e) {
            // SDK messages may quote the offending value; name the attribute and keep the value out of the answer.
            return new ReadResult.Unreadable(ref, List.of(describe(e)));
        }
    }

    private static Violation describe(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        Matcher attribute = ATTRIBUTE_IN_MESSAGE.matcher(message);
        if (message.toLowerCase(Locale.ROOT).contains("spec version") || message.toLowerCase(Locale.ROOT).contains("specversion")) {
            return Violation.attribute("specversion", "Only CloudEvents specversion 1.0 is accepted");
        }
        if (attribute.find()) {
            String name = attribute.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("time")) {
                return Violation.attribute("time", "Attribute 'time' must be an RFC 3339 timestamp");
            }
            return Violation.attribute(name, "Attribute '" + name + "' has an invalid value or type");
        }
        return Violation.body("The CloudEvent could not be read: " + e.getClass().getSimpleName());
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static String lastHeader(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
