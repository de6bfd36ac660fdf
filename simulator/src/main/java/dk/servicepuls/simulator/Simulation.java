package dk.servicepuls.simulator;

import java.util.List;

/**
 * A simulated municipality's output.
 *
 * @param events every event in publishing order: by time, one case's events in their own order, cases interleaved
 * @param truth  one entry per case, in case-id order
 */
public record Simulation(List<SimulatedEvent> events, List<CaseTruth> truth) {

    public Simulation {
        events = List.copyOf(events);
        truth = List.copyOf(truth);
    }
}
