package dk.servicepuls.benchmark;

import dk.servicepuls.benchmark.report.Format;

/** How a phase's status says that it started behind what earlier phases left. */
final class Backlogs {

    private Backlogs() {
    }

    static String behind(long backlog) {
        return backlog == 0 ? "" : "; started behind " + Format.count(backlog) + " events of earlier phases";
    }
}
