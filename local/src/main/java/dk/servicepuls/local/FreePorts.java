package dk.servicepuls.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Picks TCP ports that are free on the loopback interface right now (a later bind may still lose a race). */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * Below the range from which the operating system picks the local ports of outgoing connections (32768-60999 on
     * Linux): a port found free there could be taken by a Kafka or Mongo client's socket before whoever asked binds it.
     */
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final int ATTEMPTS = 100;

    /**
     * Ports handed out before: a caller asks for several (a broker, a store, four services) before it binds the
     * first, and nothing else keeps two of them from being the same free port.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port that nothing listens on at {@code localhost} at this moment, outside the ephemeral range, and that this
     * JVM has not handed out before.
     */
    public static int find() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            }
            catch (IOException taken) {
                // someone listens there; try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + LOWEST + " and " + HIGHEST
                + " on the loopback interface after " + ATTEMPTS + " attempts"));
    }

}
