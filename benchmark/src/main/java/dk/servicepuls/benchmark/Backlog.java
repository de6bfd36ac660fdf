package dk.servicepuls.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import dk.servicepuls.benchmark.kafka.ArrivalLog;

/**
 * Events of finished phases that have not reached {@code contact.events} yet. A phase that ran out of time leaves
 * them behind, and the next phase competes with them: the report says how many there were.
 */
final class Backlog {

    private record Sent(ArrivalLog log, LongSupplier offered) {
    }

    private final List<Sent> phases = new ArrayList<>();

    synchronized void add(ArrivalLog log, LongSupplier offered) {
        phases.add(new Sent(log, offered));
    }

    synchronized long outstanding() {
        return phases.stream().mapToLong(sent -> Math.max(0, sent.offered().getAsLong() - sent.log().count())).sum();
    }
}
