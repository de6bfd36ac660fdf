package dk.servicepuls.simulator.run;

import java.time.Instant;
import java.util.Arrays;

/**
 * The simulator's command line; {@code --help} lists the options.
 *
 * <pre>
 * java -jar simulator/target/servicepuls-simulator-exec.jar --seed=7 --cases=2000 --rate=200 --via=http --report
 * </pre>
 */
public final class SimulatorCli {

    private SimulatorCli() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            // Kafka's clients log every connection at INFO; the command line's own lines are what a user wants to see
            System.setProperty("logback.configurationFile", "simulator-logback.xml");
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(SimulatorOptions.USAGE);
            return;
        }
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args, Instant.now());
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new SimulationRun(options, System.out::println).run();
        }
        catch (RuntimeException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(1);
        }
    }
}
