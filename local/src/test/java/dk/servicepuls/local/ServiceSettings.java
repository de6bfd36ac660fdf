package dk.servicepuls.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads from its environment, from its {@code application.yml} and the shared defaults: for the tests
 * that hold a deployment's files (compose, Kubernetes) against the services.
 */
final class ServiceSettings {

    static final Path ROOT = Path.of("..");
    static final List<LocalService> SERVICES = List.of(LocalService.CONTACT, LocalService.FEEDBACK,
            LocalService.ESCALATION, LocalService.ANALYTICS);

    /** {@code ${NAME}} or {@code ${NAME:default}}, the default up to the placeholder's closing brace. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::((?:[^{}]|\\{[^{}]*\\})*))?}");

    private ServiceSettings() {
    }

    /** The variables the service's configuration reads, each with its defaults ({@code null}: none) over all profiles. */
    static Map<String, Set<String>> placeholders(LocalService service) throws IOException {
        Map<String, Set<String>> read = new HashMap<>();
        for (Path file : List.of(ROOT.resolve(service.serviceName()).resolve("src/main/resources/application.yml"),
                ROOT.resolve("service-platform/src/main/resources/servicepuls-defaults.properties"))) {
            Matcher placeholder = PLACEHOLDER.matcher(Files.readString(file));
            while (placeholder.find()) {
                read.computeIfAbsent(placeholder.group(1), unused -> new HashSet<>()).add(placeholder.group(2));
            }
        }
        return read;
    }

    /** The variables the service cannot do without in a container: no default, or only defaults on this machine. */
    static Set<String> needed(LocalService service) throws IOException {
        Set<String> needed = new HashSet<>();
        placeholders(service).forEach((variable, defaults) -> {
            if (defaults.contains(null) || defaults.stream().allMatch(ServiceSettings::pointsAtLocalhost)) {
                needed.add(variable);
            }
        });
        return needed;
    }

    /** The port the service listens on by default. */
    static int port(LocalService service) throws IOException {
        return Integer.parseInt(placeholders(service).get("PORT").iterator().next());
    }

    static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>servicepuls</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        if (!version.find()) {
            throw new IllegalStateException("No version in the parent pom");
        }
        return version.group(1);
    }

    private static boolean pointsAtLocalhost(String value) {
        return value != null && (value.contains("localhost") || value.contains("127.0.0.1"));
    }
}
