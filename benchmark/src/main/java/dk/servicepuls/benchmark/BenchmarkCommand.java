package dk.servicepuls.benchmark;

import java.nio.file.Path;

import dk.servicepuls.benchmark.report.BenchReport;
import dk.servicepuls.benchmark.report.ReportWriter;
import dk.servicepuls.benchmark.report.Results;

/** {@code java -jar servicepuls-benchmark.jar [--events=1000000] [--out=.] …}; {@code --help} lists the options. */
public final class BenchmarkCommand {

    private BenchmarkCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(BenchmarkSettings.USAGE);
            return;
        }
        BenchmarkSettings settings;
        try {
            settings = BenchmarkSettings.parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchReport report = new BenchmarkRun(settings).run();
        System.out.println();
        for (Results.Goal goal : report.goals()) {
            System.out.printf("%-4s %s: %s (goal %s)%n", goal.met() ? "MET" : "MISS", goal.what(), goal.measured(),
                    goal.goal());
        }
        Path out = settings.out().toAbsolutePath().normalize();
        System.out.printf("%nReport: %s and %s%n", out.resolve(ReportWriter.MARKDOWN), out.resolve(ReportWriter.JSON));
    }
}
