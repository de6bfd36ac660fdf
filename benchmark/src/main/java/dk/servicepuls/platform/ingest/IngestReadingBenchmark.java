package dk.servicepuls.platform.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dk.servicepuls.benchmark.load.CaseEvents;
import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.cloudevents.ReadResult;
import dk.servicepuls.platform.cloudevents.Violation;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import dk.servicepuls.platform.privacy.PartyReferences;
import dk.servicepuls.platform.privacy.PersonalFieldNames;
import dk.servicepuls.platform.privacy.PrivacyProperties;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import dk.servicepuls.platform.store.JsonDocuments;
import io.cloudevents.CloudEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code IngestService} does to one event before its store write, step by step and as a whole: read the
 * structured CloudEvent, check the envelope, parse and validate the data, normalise it (pseudonymise the party, mask
 * free text) and turn it into the BSON document that is stored. In this package because the envelope rules and the
 * normaliser are package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class IngestReadingBenchmark {

    private static final Map<String, String> STRUCTURED = Map.of("content-type", CloudEventReader.STRUCTURED);

    private final JsonMapper json = JsonMapper.shared();
    private final CloudEventReader reader = new CloudEventReader(json);
    private final FreeTextMasker masker = new FreeTextMasker();
    private final EnvelopeRules envelope = new EnvelopeRules(IngestService.acceptedOn("ingest.contact"), masker,
            new KnownDepartments(List.of("borgerservice", "teknik-miljoe", "beskaeftigelse")));
    private final EventSchemas schemas = new EventSchemas();
    // a fixed benchmark key: nothing pseudonymised here is kept
    private static final String KEY = Base64.getEncoder()
            .encodeToString("servicepuls-jmh-benchmark-key-32".getBytes(StandardCharsets.US_ASCII));
    private final EventDataNormaliser normaliser = new EventDataNormaliser(new PartyReferences(Pseudonymiser.fromBase64Key(KEY),
            new PrivacyProperties(KEY, null, null), Clock.systemUTC()), masker, new PersonalFieldNames(), new DataPointers(masker));
    private final CaseEvents events = new CaseEvents(11);
    private final byte[] caseOpened = events.caseOpened("e-1", "BENCH-jmh-1", "borgerservice").structuredJson()
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] contactRecorded = events.contactRecorded("e-2", "BENCH-jmh-1", "borgerservice")
            .structuredJson().getBytes(StandardCharsets.UTF_8);
    private final CloudEvent readCaseOpened = read(caseOpened);
    private final ObjectNode caseOpenedData = (ObjectNode) json.readTree(EnvelopeRules.dataAsText(readCaseOpened));

    @Benchmark
    public CloudEvent readStructured() {
        return read(caseOpened);
    }

    @Benchmark
    public List<Violation> envelopeRules() {
        return envelope.check(readCaseOpened);
    }

    @Benchmark
    public EventDataNormaliser.Normalised normaliseCaseOpened() {
        return normaliser.normalise(EventType.CASE_OPENED, "borgerservice", caseOpenedData);
    }

    @Benchmark
    public Document caseOpenedReadToDocument() {
        return readToDocument(caseOpened, EventType.CASE_OPENED);
    }

    @Benchmark
    public Document contactRecordedReadToDocument() {
        return readToDocument(contactRecorded, EventType.CONTACT_RECORDED);
    }

    /** The path of an accepted event in {@code IngestService}, up to the store. */
    private Document readToDocument(byte[] body, EventType type) {
        CloudEvent event = read(body);
        if (!envelope.check(event).isEmpty()) {
            throw new IllegalStateException("The benchmark's event breaks the envelope rules");
        }
        ObjectNode data = (ObjectNode) json.readTree(EnvelopeRules.dataAsText(event));
        if (!schemas.validate(type, data).isEmpty()) {
            throw new IllegalStateException("The benchmark's event breaks its schema");
        }
        return JsonDocuments.of(json, normaliser.normalise(type, "borgerservice", data).data());
    }

    private CloudEvent read(byte[] body) {
        ReadResult result = reader.readHttp(STRUCTURED, body).get(0);
        if (result instanceof ReadResult.Readable readable) {
            return readable.event();
        }
        throw new IllegalStateException("The benchmark's event is unreadable: " + result);
    }
}
