package dk.servicepuls.local;

import java.util.List;

/**
 * The senders the local mode lets publish, matching the identity-server's demo clients: {@code servicepuls-cli}
 * (the README's curl examples and the interop smoke test) for borgerservice, and {@code servicepuls-simulator} (the
 * simulator, the benchmark and the local mode's tests) for every department and source at any rate, which the
 * services log as a warning; and the departments it knows. A pilot binds each department system itself (README,
 * "Who may publish").
 */
final class DemoSenders {

    private static final String CLIENTS = "--servicepuls.ingest.clients.";

    private DemoSenders() {
    }

    /** The simulated municipality's departments (the simulator's catalogue), which the demo data uses. */
    static final String DEPARTMENTS = "borgerservice,beskaeftigelse,teknik-miljoe,boern-unge";

    static List<String> bindings() {
        return List.of(
                "--servicepuls.ingest.departments=" + DEPARTMENTS,
                CLIENTS + "servicepuls-cli.departments=borgerservice",
                CLIENTS + "servicepuls-cli.sources=/aarhus/borgerservice,/interop,/kommune",
                CLIENTS + "servicepuls-simulator.departments=*",
                CLIENTS + "servicepuls-simulator.sources=*",
                CLIENTS + "servicepuls-simulator.events-per-second=1000000");
    }
}
