package dk.servicepuls.benchmark.load;

/**
 * The background load of the latency phase: an endless stream of case events in the order a department's systems
 * would publish them (per case: opened, contact, pending decision, decision, closed). A traffic simulator can
 * implement this to replace {@link SyntheticCaseLifecycles}.
 */
public interface MixedLoad {

    /** The next event to offer. */
    GeneratedEvent next();
}
