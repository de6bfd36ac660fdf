package dk.servicepuls.simulator.run;

import dk.servicepuls.simulator.SimulationSettings;
import dk.servicepuls.simulator.publish.ClientCredentials;
import dk.servicepuls.simulator.publish.KafkaEncoding;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one run does, from the command line or from the local mode's {@code --servicepuls.local.simulate=<spec>}.
 *
 * @param rate       events per second; 0 for as fast as the platform takes them
 * @param eventsFile where to write the events as JSON lines (structured mode), or {@code null}
 * @param report     whether to read {@code escalation.events} afterwards and report on the risk model
 * @param reportOnly skip generating and publishing: report on an earlier run's truth file
 * @param sender     the client whose token goes with every HTTP request
 */
record SimulatorOptions(SimulationSettings settings, Via via, URI contactUrl, URI feedbackUrl, String bootstrapServers,
        KafkaEncoding encoding, double rate, Path truthFile, Path eventsFile, boolean report, Duration reportQuiet,
        boolean reportOnly, Sender sender) {

    /** The local mode's demo sender: bound to the simulated departments (identity-server's application.yml). */
    static final Sender DEMO_SENDER = new Sender(ClientCredentials.tokenEndpoint(URI.create("http://localhost:9000")),
            ClientCredentials.DEMO_CLIENT_ID, ClientCredentials.DEMO_CLIENT_SECRET);

    /** @param tokenUrl the issuer's token endpoint, for the client-credentials grant */
    record Sender(URI tokenUrl, String clientId, String clientSecret) {
    }

    enum Via { HTTP, KAFKA, NONE }

    static final String USAGE = """
            Usage: java -jar simulator/target/servicepuls-simulator-exec.jar [options]
              --seed=N                 the municipality's seed (1); the same seed gives the same events
              --cases=N                cases to open (1000)
              --days=N                 cases open over this many days (90) from --start (2026-01-05T00:00:00Z)
              --start=INSTANT          RFC 3339
              --horizon=INSTANT|now    leave out events after this moment (default: none, every case to its end)
              --effect=0..1            true effect of a proactive call: relative reduction of the complaint probability (0.5)
              --call-probability=0..1  stand-in policy: share of cases with an unfavourable decision pending that are called (0.5)
              --rate=N|max             events per second (max)
              --via=http|kafka|none    how to publish (http)
              --contact-url=URL        contact-service (http://localhost:8081)
              --feedback-url=URL       feedback-service (http://localhost:8082)
              --token-url=URL          the issuer's token endpoint (http://localhost:9000/oauth2/token)
              --client-id=ID           the sender's client, bound to the departments it sends for (servicepuls-simulator)
              --client-secret=SECRET   its secret (the local mode's demo secret); or SERVICEPULS_CLIENT_SECRET
              --bootstrap-servers=H:P  Kafka, for --via=kafka and --report (localhost:9092)
              --kafka-mode=binary|structured   (binary)
              --truth-file=PATH        ground truth, JSON lines (simulator-truth.jsonl)
              --events-file=PATH       also write the events, JSON lines
              --report                 afterwards, read escalation.events and report the risk model's precision and recall
              --report-quiet=SECONDS   the report waits until escalation.events has been quiet this long (20)
              --report-only            report on an earlier run: reads --truth-file, publishes nothing
            """;

    private static final Set<String> FLAGS = Set.of("report", "report-only", "help");
    private static final Set<String> NAMES = Set.of("seed", "cases", "days", "start", "horizon", "effect",
            "call-probability", "rate", "via", "contact-url", "feedback-url", "token-url", "client-id", "client-secret",
            "bootstrap-servers", "kafka-mode",
            "truth-file", "events-file", "report", "report-quiet", "report-only", "help");

    /** Defaults for a quiet local demo: a few hundred cases at a gentle rate, the last two months up to now. */
    static final int LOCAL_CASES = 300;
    static final double LOCAL_RATE = 20;
    static final int LOCAL_DAYS = 60;
    private static final Set<String> LOCAL_NAMES = Set.of("cases", "rate", "seed", "effect", "call-probability", "days");

    /** Parses {@code --name=value}, {@code --name value} and the bare flags; throws with a readable message. */
    static SimulatorOptions parse(String[] args, Instant now) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            else if (FLAGS.contains(name)) {
                value = "true";
            }
            else if (i + 1 < args.length) {
                value = args[++i];
            }
            else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
            given.put(name, value);
        }
        return from(given, now);
    }

    private static SimulatorOptions from(Map<String, String> given, Instant now) {
        SimulationSettings settings = SimulationSettings.defaults()
                .withSeed(number(given, "seed", 1L))
                .withCases((int) number(given, "cases", 1000L))
                .withStart(instant(given.getOrDefault("start", SimulationSettings.DEFAULT_START.toString()), now))
                .withPeriod(Duration.ofDays(number(given, "days", 90L)))
                .withCallEffect(fraction(given, "effect", 0.5))
                .withCallProbability(fraction(given, "call-probability", 0.5))
                .withHorizon(given.containsKey("horizon") ? instant(given.get("horizon"), now) : null);
        return new SimulatorOptions(settings, choice(given, "via", Via.HTTP), URI.create(given.getOrDefault("contact-url",
                "http://localhost:8081")), URI.create(given.getOrDefault("feedback-url", "http://localhost:8082")),
                given.getOrDefault("bootstrap-servers", "localhost:9092"),
                choice(given, "kafka-mode", KafkaEncoding.BINARY), rate(given.getOrDefault("rate", "max")),
                Path.of(given.getOrDefault("truth-file", "simulator-truth.jsonl")),
                given.containsKey("events-file") ? Path.of(given.get("events-file")) : null,
                flag(given, "report") || flag(given, "report-only"),
                Duration.ofSeconds(number(given, "report-quiet", 20L)), flag(given, "report-only"),
                new Sender(URI.create(given.getOrDefault("token-url", DEMO_SENDER.tokenUrl().toString())),
                        given.getOrDefault("client-id", DEMO_SENDER.clientId()), given.getOrDefault("client-secret",
                                Optional.ofNullable(System.getenv("SERVICEPULS_CLIENT_SECRET")).orElse(DEMO_SENDER.clientSecret()))));
    }

    /**
     * The local mode's spec: {@code true} for {@value #LOCAL_CASES} cases at {@value #LOCAL_RATE} events/s, or
     * {@code cases=2000,rate=50,seed=7} (also {@code effect}, {@code call-probability}, {@code days}); {@code false}
     * or empty for none. The cases open over the last {@code days} days and events after {@code now} are left out,
     * so cases still running keep their tasks open in the inbox. Without a seed the clock picks one (and the run says
     * which), so a restart on the same data adds new cases instead of repeating the old ones.
     */
    static Optional<SimulatorOptions> fromLocalSpec(String spec, URI contactUrl, URI feedbackUrl, URI identityUrl,
            String bootstrapServers, Path dataDir, Instant now) {
        String trimmed = spec == null ? "" : spec.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        Map<String, String> given = new LinkedHashMap<>();
        if (!trimmed.equalsIgnoreCase("true")) {
            for (String part : trimmed.split(",")) {
                String[] pair = part.split("=", 2);
                String name = pair[0].trim();
                if (pair.length != 2 || !LOCAL_NAMES.contains(name)) {
                    throw new IllegalArgumentException("servicepuls.local.simulate: expected true, false or "
                            + "name=value pairs of " + LOCAL_NAMES + ", got '" + part.trim() + "'");
                }
                given.put(name, pair[1].trim());
            }
        }
        long seed = number(given, "seed", now.toEpochMilli() % 1_000_000);
        int days = (int) number(given, "days", (long) LOCAL_DAYS);
        Instant today = now.truncatedTo(ChronoUnit.SECONDS);
        SimulationSettings settings = SimulationSettings.defaults().withSeed(seed)
                .withCases((int) number(given, "cases", (long) LOCAL_CASES))
                .withStart(today.minus(Duration.ofDays(days))).withPeriod(Duration.ofDays(days))
                .withCallEffect(fraction(given, "effect", 0.5))
                .withCallProbability(fraction(given, "call-probability", 0.5))
                .withHorizon(today);
        return Optional.of(new SimulatorOptions(settings, Via.HTTP, contactUrl, feedbackUrl, bootstrapServers,
                KafkaEncoding.BINARY, rate(given.getOrDefault("rate", Double.toString(LOCAL_RATE))),
                dataDir.resolve("simulator").resolve("truth-" + seed + ".jsonl"), null, false, Duration.ofSeconds(20),
                false, new Sender(ClientCredentials.tokenEndpoint(identityUrl), ClientCredentials.DEMO_CLIENT_ID,
                        ClientCredentials.DEMO_CLIENT_SECRET)));
    }

    private static long number(Map<String, String> given, String name, long fallback) {
        String value = given.get(name);
        try {
            long number = value == null ? fallback : Long.parseLong(value.trim());
            if (number < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return number;
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static double fraction(Map<String, String> given, String name, double fallback) {
        String value = given.get(name);
        try {
            double number = value == null ? fallback : Double.parseDouble(value.trim());
            if (number < 0 || number > 1) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
            }
            return number;
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number between 0 and 1, got '" + value + "'");
        }
    }

    private static double rate(String value) {
        if (value.equalsIgnoreCase("max")) {
            return 0;
        }
        try {
            double rate = Double.parseDouble(value);
            if (rate <= 0) {
                throw new IllegalArgumentException("rate must be above 0, or max");
            }
            return rate;
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate must be events per second or max, got '" + value + "'");
        }
    }

    private static Instant instant(String value, Instant now) {
        return value.equalsIgnoreCase("now") ? now.truncatedTo(ChronoUnit.SECONDS) : Instant.parse(value);
    }

    private static <E extends Enum<E>> E choice(Map<String, String> given, String name, E fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(fallback.getDeclaringClass(), value.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": unknown value '" + value + "'");
        }
    }

    private static boolean flag(Map<String, String> given, String name) {
        return Boolean.parseBoolean(given.getOrDefault(name, "false"));
    }
}
