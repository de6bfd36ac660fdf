package dk.servicepuls.benchmark.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

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
import dk.servicepuls.contracts.SchemaViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link EventSchemas#validate}: every ingested event goes through it once. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SchemaValidationBenchmark {

    private final EventSchemas schemas = new EventSchemas();
    private final CaseEvents events = new CaseEvents(7);
    private final JsonNode caseOpened = data(events.caseOpened("e-1", "BENCH-jmh-1", "borgerservice").data());
    private final JsonNode contactRecorded = data(events.contactRecorded("e-2", "BENCH-jmh-1", "borgerservice").data());
    private final JsonNode invalidContact = data("{\"contactId\":\"c-1\",\"channel\":\"pigeon\",\"waitSeconds\":-3}");

    @Benchmark
    public List<SchemaViolation> caseOpened() {
        return schemas.validate(EventType.CASE_OPENED, caseOpened);
    }

    @Benchmark
    public List<SchemaViolation> contactRecorded() {
        return schemas.validate(EventType.CONTACT_RECORDED, contactRecorded);
    }

    @Benchmark
    public List<SchemaViolation> invalidContactRecorded() {
        return schemas.validate(EventType.CONTACT_RECORDED, invalidContact);
    }

    private static JsonNode data(String json) {
        return JsonMapper.shared().readTree(json);
    }
}
