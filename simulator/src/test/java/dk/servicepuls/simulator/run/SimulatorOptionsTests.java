package dk.servicepuls.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dk.servicepuls.simulator.SimulationSettings;
import dk.servicepuls.simulator.publish.KafkaEncoding;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30.250Z");
    private static final URI CONTACT = URI.create("http://localhost:18081");
    private static final URI FEEDBACK = URI.create("http://localhost:18082");

    @Test
    void readsTheCommandLinesOptions() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {"--seed=7", "--cases", "2000", "--rate=50",
                "--via=kafka", "--bootstrap-servers=broker:9092", "--kafka-mode=structured", "--truth-file=/tmp/t.jsonl",
                "--contact-url=http://c:1", "--feedback-url=http://f:2", "--effect=0.3", "--call-probability=0.8",
                "--report"}, NOW);

        assertThat(options.settings().seed()).isEqualTo(7);
        assertThat(options.settings().cases()).isEqualTo(2000);
        assertThat(options.settings().callEffect()).isEqualTo(0.3);
        assertThat(options.settings().callProbability()).isEqualTo(0.8);
        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.via()).isEqualTo(SimulatorOptions.Via.KAFKA);
        assertThat(options.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(options.encoding()).isEqualTo(KafkaEncoding.STRUCTURED);
        assertThat(options.truthFile()).isEqualTo(Path.of("/tmp/t.jsonl"));
        assertThat(options.contactUrl()).isEqualTo(URI.create("http://c:1"));
        assertThat(options.feedbackUrl()).isEqualTo(URI.create("http://f:2"));
        assertThat(options.report()).isTrue();
        assertThat(options.reportOnly()).isFalse();
    }

    @Test
    void withoutOptionsItSendsTheDefaultMunicipalityOverHttpAsFastAsPossible() {
        SimulatorOptions options = SimulatorOptions.parse(new String[0], NOW);

        assertThat(options.settings()).isEqualTo(SimulationSettings.defaults());
        assertThat(options.via()).isEqualTo(SimulatorOptions.Via.HTTP);
        assertThat(options.rate()).isZero();
        assertThat(options.contactUrl()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(options.feedbackUrl()).isEqualTo(URI.create("http://localhost:8082"));
        assertThat(options.truthFile()).isEqualTo(Path.of("simulator-truth.jsonl"));
        assertThat(options.report()).isFalse();
    }

    @Test
    void aHorizonOfNowCutsAtTheCurrentSecond() {
        assertThat(SimulatorOptions.parse(new String[] {"--horizon=now"}, NOW).settings().horizon())
                .isEqualTo(Instant.parse("2026-12-01T10:15:30Z"));
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse(new String[] {"--sede=7"}, NOW))
                .withMessageContaining("--sede");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse(new String[] {"--via=carrier-pigeon"}, NOW))
                .withMessageContaining("via");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse(new String[] {"--effect=1.5"}, NOW))
                .withMessageContaining("effect");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse(new String[] {"--rate=fast"}, NOW))
                .withMessageContaining("rate");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse(new String[] {"--cases"}, NOW))
                .withMessageContaining("needs a value");
    }

    @Test
    void theLocalSpecTrueIsASmallMunicipalityAtAGentleRateUpToNow() {
        SimulatorOptions options = local("true").orElseThrow();

        assertThat(options.settings().cases()).isEqualTo(SimulatorOptions.LOCAL_CASES);
        assertThat(options.rate()).isEqualTo(SimulatorOptions.LOCAL_RATE);
        assertThat(options.settings().horizon()).isEqualTo(Instant.parse("2026-12-01T10:15:30Z"));
        assertThat(options.settings().start()).isEqualTo(Instant.parse("2026-10-02T10:15:30Z"));
        assertThat(options.settings().period()).isEqualTo(Duration.ofDays(SimulatorOptions.LOCAL_DAYS));
        assertThat(options.via()).isEqualTo(SimulatorOptions.Via.HTTP);
        assertThat(options.contactUrl()).isEqualTo(CONTACT);
        assertThat(options.feedbackUrl()).isEqualTo(FEEDBACK);
        assertThat(options.truthFile().getParent()).isEqualTo(Path.of("/data/simulator"));
    }

    @Test
    void theLocalSpecTakesCasesRateAndSeed() {
        SimulatorOptions options = local(" cases=2000, rate=50,seed=7 ").orElseThrow();

        assertThat(options.settings().cases()).isEqualTo(2000);
        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.settings().seed()).isEqualTo(7);
        assertThat(options.truthFile()).isEqualTo(Path.of("/data/simulator/truth-7.jsonl"));
    }

    @Test
    void theLocalSpecFalseOrEmptySimulatesNothing() {
        assertThat(local("false")).isEmpty();
        assertThat(local("")).isEmpty();
        assertThat(local(null)).isEmpty();
    }

    @Test
    void aLocalSpecItCannotReadSaysWhatItExpects() {
        assertThatIllegalArgumentException().isThrownBy(() -> local("cases=2000,speed=9"))
                .withMessageContaining("speed").withMessageContaining("name=value");
        assertThatIllegalArgumentException().isThrownBy(() -> local("yes"));
    }

    private static java.util.Optional<SimulatorOptions> local(String spec) {
        return SimulatorOptions.fromLocalSpec(spec, CONTACT, FEEDBACK, URI.create("http://localhost:19000"), "localhost:19092",
                Path.of("/data"), NOW);
    }
}
