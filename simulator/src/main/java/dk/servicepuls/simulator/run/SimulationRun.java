package dk.servicepuls.simulator.run;

import dk.servicepuls.simulator.CaseTruth;
import dk.servicepuls.simulator.Municipality;
import dk.servicepuls.simulator.SimulatedEvent;
import dk.servicepuls.simulator.Simulation;
import dk.servicepuls.simulator.SimulationSettings;
import dk.servicepuls.simulator.TruthFile;
import dk.servicepuls.simulator.publish.ClientCredentials;
import dk.servicepuls.simulator.publish.Delivery;
import dk.servicepuls.simulator.publish.EventSink;
import dk.servicepuls.simulator.publish.Publishing;
import dk.servicepuls.simulator.report.EscalationEventsReader;
import dk.servicepuls.simulator.report.Observations;
import dk.servicepuls.simulator.report.RiskModelReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/** One run: generate, write the ground truth (before publishing, so an interrupted run still has it), publish, report. */
final class SimulationRun {

    private static final Duration REPORT_AT_MOST = Duration.ofMinutes(10);

    private final SimulatorOptions options;
    private final Consumer<String> out;

    SimulationRun(SimulatorOptions options, Consumer<String> out) {
        this.options = options;
        this.out = out;
    }

    void run() {
        if (options.reportOnly()) {
            report(TruthFile.read(options.truthFile()));
            return;
        }
        SimulationSettings settings = options.settings();
        Simulation simulation = Municipality.simulate(settings);
        TruthFile.write(options.truthFile(), simulation.truth());
        out.accept(String.format(Locale.ROOT, "simulator: seed %d, %d cases, %d events; ground truth in %s",
                settings.seed(), settings.cases(), simulation.events().size(), options.truthFile().toAbsolutePath()));
        out.accept(summary(simulation.truth()));
        if (options.eventsFile() != null) {
            writeEvents(simulation.events());
        }
        if (options.via() != SimulatorOptions.Via.NONE) {
            try (EventSink sink = sink()) {
                Delivery delivery = Publishing.publish(simulation.events(), sink, options.rate(), out);
                out.accept(String.format(Locale.ROOT, "simulator: %d accepted, %d refused", delivery.accepted(),
                        delivery.rejected()));
            }
        }
        if (options.report()) {
            report(simulation.truth());
        }
    }

    private EventSink sink() {
        return switch (options.via()) {
            case HTTP -> Publishing.http(options.contactUrl(), options.feedbackUrl(), new ClientCredentials(
                    options.sender().tokenUrl(), options.sender().clientId(), options.sender().clientSecret()));
            case KAFKA -> Publishing.kafka(options.bootstrapServers(), options.encoding());
            case NONE -> throw new IllegalStateException("nothing to publish to");
        };
    }

    private void report(List<CaseTruth> truth) {
        out.accept("report: reading escalation.events from " + options.bootstrapServers() + " until quiet for "
                + options.reportQuiet().toSeconds() + " s");
        Observations observed = new EscalationEventsReader().read(options.bootstrapServers(), options.reportQuiet(),
                REPORT_AT_MOST, out);
        out.accept(RiskModelReport.of(truth, observed).render());
    }

    static String summary(List<CaseTruth> truth) {
        long eligible = truth.stream().filter(CaseTruth::eligibleForCall).count();
        long called = truth.stream().filter(CaseTruth::called).count();
        long would = truth.stream().filter(CaseTruth::wouldComplainWithoutCall).count();
        long complained = truth.stream().filter(CaseTruth::complained).count();
        long complete = truth.stream().filter(CaseTruth::complete).count();
        return String.format(Locale.ROOT, "simulator: %d of %d cases complete; %d with an unfavourable decision expected, "
                + "%d of them called; %d would complain without a call, %d do", complete, truth.size(), eligible, called,
                would, complained);
    }

    private void writeEvents(List<SimulatedEvent> events) {
        JsonMapper json = JsonMapper.shared();
        try (BufferedWriter writer = Files.newBufferedWriter(options.eventsFile(), StandardCharsets.UTF_8)) {
            for (SimulatedEvent event : events) {
                writer.write(json.writeValueAsString(event.toStructured()));
                writer.newLine();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the events to " + options.eventsFile(), e);
        }
    }
}
