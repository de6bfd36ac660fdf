package dk.servicepuls.benchmark.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** The ports the child platform listens on. */
public record PlatformPorts(int kafka, int store, int contact, int feedback, int escalation, int analytics,
        int identity) {

    // below the ephemeral range (32768-60999 on Linux), so that no client socket takes a port between pick and bind
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    public static PlatformPorts defaults() {
        return new PlatformPorts(9092, 27017, 8081, 8082, 8083, 8084, 9000);
    }

    /** Free ports: a benchmark must not collide with a local mode someone else runs on the same machine. */
    public static PlatformPorts free() {
        Set<Integer> taken = new HashSet<>();
        return new PlatformPorts(pick(taken), pick(taken), pick(taken), pick(taken), pick(taken), pick(taken),
                pick(taken));
    }

    public String bootstrapServers() {
        return "localhost:" + kafka;
    }

    public String identityUrl() {
        return "http://localhost:" + identity;
    }

    public String contactUrl() {
        return "http://localhost:" + contact;
    }

    List<String> arguments() {
        return List.of("--servicepuls.local.kafka-port=" + kafka, "--servicepuls.local.store-port=" + store,
                "--servicepuls.local.contact-service-port=" + contact,
                "--servicepuls.local.feedback-service-port=" + feedback,
                "--servicepuls.local.escalation-service-port=" + escalation,
                "--servicepuls.local.analytics-service-port=" + analytics,
                "--servicepuls.local.identity-port=" + identity);
    }

    private static int pick(Set<Integer> taken) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (taken.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                taken.add(port);
                return port;
            }
            catch (IOException inUse) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + LOWEST + " and " + HIGHEST));
    }
}
