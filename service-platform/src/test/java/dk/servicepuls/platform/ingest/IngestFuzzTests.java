package dk.servicepuls.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.WarmTime;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.cloudevents.MalformedBatchException;
import dk.servicepuls.platform.cloudevents.ReadResult;
import dk.servicepuls.platform.cloudevents.UnsupportedEncodingException;
import dk.servicepuls.platform.cloudevents.Violation;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import dk.servicepuls.platform.privacy.PartyReferences;
import dk.servicepuls.platform.privacy.PersonalFieldNames;
import dk.servicepuls.platform.privacy.PrivacyProperties;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWrapper;
import org.bson.codecs.BsonValueCodecProvider;
import org.bson.codecs.DocumentCodecProvider;
import org.bson.codecs.ValueCodecProvider;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing of the CloudEvents ingest (Jazzer): whatever arrives in structured mode, in a batch or in
 * binary mode, reading and checking it ends in an answer for each event (or one of the two refusals the web layer
 * answers with a 4xx problem), never in another exception, and within the 100 ms (warm, {@link WarmTime}). Everything up to the
 * store write runs as on a service: the reader, {@link EventChecks} and the BSON encoding of what would be stored.
 */
class IngestFuzzTests {

    private static final String KEY = Base64.getEncoder()
            .encodeToString("servicepuls-fuzz-test-key-of-32b".getBytes(StandardCharsets.US_ASCII));
    private static final CodecRegistry CODECS = CodecRegistries.fromProviders(new DocumentCodecProvider(),
            new ValueCodecProvider(), new BsonValueCodecProvider());

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final CloudEventReader READER = new CloudEventReader(JSON);
    private static final EventChecks CHECKS = checks();


    @FuzzTest(maxDuration = "10s")
    void anyStructuredEventGetsAnAnswer(byte[] body) {
        answers(Map.of("content-type", CloudEventReader.STRUCTURED), body);
    }

    @FuzzTest(maxDuration = "10s")
    void anyBatchGetsAnAnswerForEachEvent(byte[] body) {
        answers(Map.of("content-type", CloudEventReader.BATCH), body);
    }

    @FuzzTest(maxDuration = "10s")
    void anyBinaryModeEventGetsAnAnswer(FuzzedDataProvider data) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce-specversion", data.consumeBoolean() ? "1.0" : data.consumeString(8));
        for (String attribute : List.of("ce-id", "ce-source", "ce-type", "ce-time", "ce-subject", "ce-department",
                "content-type", "ce-dataschema")) {
            if (data.consumeBoolean()) {
                headers.put(attribute, data.consumeString(300));
            }
        }
        answers(headers, data.consumeRemainingAsBytes());
    }

    @Test
    void aWholeNumberBeyondSixtyFourBitsIsRefusedWithEveryFieldNameInItsPointersMasked() {
        byte[] body = """
                {"specversion":"1.0","id":"k-1","source":"/test","type":"dk.servicepuls.contact.recorded.v1",
                 "time":"2026-03-09T10:41:27+01:00","subject":"SAG-1","department":"borgerservice",
                 "datacontenttype":"application/json","data":{"contactId":"k-1","channel":"phone",
                 "direction":"inbound","waitSeconds":4e20,"x":{"0101901234":5e20}}}
                """.getBytes(StandardCharsets.UTF_8);

        EventChecks.Checked checked = CHECKS.check(READER.readHttp(Map.of("content-type", CloudEventReader.STRUCTURED),
                body).get(0));

        assertThat(checked.outcome().accepted()).isFalse();
        assertThat(checked.outcome().violations()).extracting(Violation::pointer)
                .contains("#/data/waitSeconds").hasSize(2).noneMatch(pointer -> pointer.contains("0101901234"));
    }

    private static void answers(Map<String, String> headers, byte[] body) {
        WarmTime.assertWithinBound(body.length + " bytes", () -> readAndCheck(headers, body));
    }

    private static void readAndCheck(Map<String, String> headers, byte[] body) {
        List<ReadResult> events;
        try {
            events = READER.readHttp(headers, body);
        }
        catch (MalformedBatchException | UnsupportedEncodingException refusedWhole) {
            return; // ProblemAdvice answers these with a 400 or a 415 problem
        }
        for (ReadResult read : events) {
            EventChecks.Checked checked = CHECKS.check(read);
            assertThat(checked.outcome()).isNotNull();
            assertThat(checked.outcome().accepted()).isEqualTo(checked.stored() != null);
            if (checked.stored() != null) {
                // what the store would be given must encode, or the whole batch's write would fail
                BsonDocument encoded = BsonDocumentWrapper.asBsonDocument(checked.stored().data(), CODECS);
                assertThat(encoded).isNotNull();
            }
        }
    }

    private static EventChecks checks() {
        FreeTextMasker masker = new FreeTextMasker();
        DataPointers pointers = new DataPointers(masker);
        PrivacyProperties privacy = new PrivacyProperties(KEY, null, null);
        // the defaults of application.yml and IngestProperties
        IngestProperties properties = new IngestProperties(Topics.INGEST_CONTACT, Topics.CONTACT_EVENTS, "events",
                Duration.ofSeconds(10), 1000,
                new IngestProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                new IngestProperties.Limits(8 * 1024 * 1024, 256 * 1024, 4000, 200, 8, 50, 20), Map.of(), List.of("*"));
        return new EventChecks(new EnvelopeRules(IngestService.acceptedOn(Topics.INGEST_CONTACT), masker,
                new KnownDepartments(List.of("*"))),
                new EventLimits(properties.limits(), pointers), new IdentifierRules(masker, pointers), new EventSchemas(),
                new EventDataNormaliser(new PartyReferences(Pseudonymiser.fromBase64Key(KEY), privacy, Clock.systemUTC()),
                        masker, new PersonalFieldNames(), pointers), properties, JSON, masker, Clock.systemUTC());
    }
}
