package dk.servicepuls.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

    /** A port that nothing listens on at {@code localhost} at this moment, outside the ephemeral range. */
    public static int find() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return port;
            }
            catch (IOException taken) {
                // someone listens there; try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + LOWEST + " and " + HIGHEST
                + " on the loopback interface after " + ATTEMPTS + " attempts"));
    }

}
