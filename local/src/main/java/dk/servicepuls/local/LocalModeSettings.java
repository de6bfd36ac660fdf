package dk.servicepuls.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;

/**
 * What the local mode can be told on its command line ({@code --servicepuls.local.data-dir=…} and friends) or
 * through the environment ({@code SERVICEPULS_LOCAL_DATA_DIR}); defaults follow the architecture's local contract.
 *
 * @param simulate    the simulator's spec ({@code --servicepuls.local.simulate}): {@code false} (the default),
 *                    {@code true} (also the bare flag) or e.g. {@code cases=2000,rate=50,seed=7}
 * @param bindAddress where the services listen ({@code --servicepuls.local.bind-address}): {@value #LOOPBACK} by
 *                    default, because the local mode's demo users and secrets are public; {@code 0.0.0.0} to let
 *                    other machines in. The broker and the store always listen on localhost.
 * @param replayFrom  {@code --servicepuls.local.replay-from=host:port}: instead of the platform, only analytics-service
 *                    on a store of its own, reading another running platform's topics from the beginning in a
 *                    consumer group of its own ({@code --servicepuls.local.replay-group}, default
 *                    {@value #REPLAY_GROUP}): how a new instance or a changed formula rebuilds the KPIs, and how the
 *                    benchmark measures replay speed. Blank (the default) for the whole platform.
 * @param replayGroup the replaying instance's consumer group
 */
record LocalModeSettings(Path dataDir, int kafkaPort, int storePort, Map<LocalService, Integer> ports,
        String simulate, String bindAddress, String replayFrom, String replayGroup) {

    static final String REPLAY_GROUP = "analytics-replay";

    static final String LOOPBACK = "127.0.0.1";

    static final String PREFIX = "servicepuls.local.";

    static LocalModeSettings from(String... args) {
        CommandLinePropertySource<?> commandLine = new SimpleCommandLinePropertySource(args);
        Map<LocalService, Integer> ports = new EnumMap<>(LocalService.class);
        for (LocalService service : LocalService.values()) {
            ports.put(service, Integer.parseInt(value(commandLine, service.portSetting(),
                    Integer.toString(service.defaultPort()))));
        }
        String simulate = value(commandLine, "simulate", "false");
        return new LocalModeSettings(Path.of(value(commandLine, "data-dir", "data")).toAbsolutePath().normalize(),
                Integer.parseInt(value(commandLine, "kafka-port", "9092")),
                Integer.parseInt(value(commandLine, "store-port", "27017")), ports,
                simulate.isBlank() ? "true" : simulate, value(commandLine, "bind-address", LOOPBACK),
                value(commandLine, "replay-from", "").trim(), value(commandLine, "replay-group", REPLAY_GROUP).trim());
    }

    /** Whether this is a replaying analytics-service instead of the platform. */
    boolean replaying() {
        return !replayFrom.isEmpty();
    }

    /** The services this run starts. */
    List<LocalService> services() {
        return replaying() ? List.of(LocalService.ANALYTICS) : List.of(LocalService.values());
    }

    /** Whether only this machine can reach the services. */
    boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        }
        catch (UnknownHostException e) {
            throw new IllegalArgumentException("servicepuls.local.bind-address: unknown host " + bindAddress, e);
        }
    }

    private static String value(CommandLinePropertySource<?> commandLine, String name, String fallback) {
        Object given = commandLine.getProperty(PREFIX + name);
        if (given != null) {
            return given.toString();
        }
        String environment = System.getenv((PREFIX + name).toUpperCase().replace('.', '_').replace('-', '_'));
        return environment != null ? environment : fallback;
    }
}
