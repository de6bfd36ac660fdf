package dk.servicepuls.platform.ingest;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dk.servicepuls.platform.cloudevents.Violation;

/**
 * What one sender may publish: events of these departments, with a {@code source} that begins with one of these
 * prefixes. {@value #ANY} in either list allows everything there.
 *
 * @param client the sender as its token names it, or {@code kafka} for the ingest topics, whose writers Kafka's own
 *        ACLs decide
 */
public record PublishRights(String client, Set<String> departments, List<String> sourcePrefixes) {

    public static final String ANY = "*";

    /** The ingest topics: whoever may write to them may publish anything there. */
    public static final PublishRights KAFKA = new PublishRights("kafka", Set.of(ANY), List.of(ANY));

    public PublishRights {
        departments = Set.copyOf(departments);
        sourcePrefixes = List.copyOf(sourcePrefixes);
    }

    boolean allowsEverything() {
        return departments.contains(ANY) && sourcePrefixes.contains(ANY);
    }

    /** Why this sender may not publish that event; empty when it may. */
    Optional<Violation> refusal(IngestedEvent event) {
        if (!departments.contains(ANY) && !departments.contains(event.department())) {
            return Optional.of(Violation.attribute("department", "Client " + client + " may publish only for "
                    + (departments.isEmpty() ? "no department" : "department " + String.join(", ", departments.stream().sorted().toList()))
                    + " (servicepuls.ingest.clients." + client + ".departments)"));
        }
        String source = event.id().source();
        if (!sourcePrefixes.contains(ANY) && sourcePrefixes.stream().noneMatch(source::startsWith)) {
            return Optional.of(Violation.attribute("source", "Client " + client + " may publish only sources that begin with "
                    + String.join(" or ", sourcePrefixes) + " (servicepuls.ingest.clients." + client + ".sources)"));
        }
        return Optional.empty();
    }
}
