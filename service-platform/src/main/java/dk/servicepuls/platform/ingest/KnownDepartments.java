package dk.servicepuls.platform.ingest;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The department codes this deployment knows ({@code servicepuls.ingest.departments}). A department code becomes a
 * metric label, a store key and a URL parameter on every service downstream, so an event for any other is refused at
 * the door: a typo or a hostile sender cannot grow the labels without bound. {@value PublishRights#ANY} accepts every
 * well-formed code, with a warning, for tests and development.
 */
final class KnownDepartments {

    private static final Logger log = LoggerFactory.getLogger(KnownDepartments.class);

    private final Set<String> codes;
    private final boolean any;

    KnownDepartments(List<String> configured) {
        if (configured.stream().anyMatch(code -> code.startsWith("${"))) {
            // Boot's binding keeps an unresolved placeholder as text, which would refuse every event
            throw new IllegalStateException("No departments: set SERVICEPULS_DEPARTMENTS (servicepuls.ingest.departments) "
                    + "to the deployment's department codes, comma-separated");
        }
        this.any = configured.contains(PublishRights.ANY);
        this.codes = Set.copyOf(configured);
        if (any) {
            log.warn("servicepuls.ingest.departments is '*': every well-formed department code is accepted, and each "
                    + "becomes a metric label; list the deployment's departments for a pilot");
        }
        else if (codes.isEmpty()) {
            log.warn("servicepuls.ingest.departments is empty: every event is refused until the departments are listed");
        }
    }

    boolean knows(String department) {
        return any || codes.contains(department);
    }

    /** The refusal's detail; the code itself is not repeated, as a sender may have put anything there. */
    String unknown(String what) {
        return "The " + what + " is not one of the departments this deployment knows (servicepuls.ingest.departments"
                + (any || codes.isEmpty() ? "" : ": " + String.join(", ", codes.stream().sorted().toList())) + ")";
    }
}
