package dk.servicepuls.escalation.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code servicepuls.tasks.open} and {@code servicepuls.tasks.overdue} per department. Counted from the store on a
 * schedule and kept, because counting on every scrape would let each Prometheus replica load the store.
 */
@Component
class OpenTaskGauges {

    private static final Logger log = LoggerFactory.getLogger(OpenTaskGauges.class);

    private final TaskStore store;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge overdue;

    OpenTaskGauges(TaskStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.open = MultiGauge.builder("servicepuls.tasks.open").description("Tasks waiting for a call").register(meters);
        this.overdue = MultiGauge.builder("servicepuls.tasks.overdue").description("Tasks waiting past their due time")
                .register(meters);
    }

    void run() {
        try {
            refresh(clock.instant());
        }
        catch (RuntimeException e) {
            log.warn("Task gauges not refreshed: {}", e.getMessage());
        }
    }

    void refresh(Instant now) {
        Map<String, long[]> perDepartment = new TreeMap<>();
        for (Task task : store.active()) {
            long[] counts = perDepartment.computeIfAbsent(task.department(), department -> new long[2]);
            counts[0]++;
            if (task.dueAt() != null && task.dueAt().isBefore(now)) {
                counts[1]++;
            }
        }
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        perDepartment.forEach((department, counts) -> {
            openRows.add(MultiGauge.Row.of(Tags.of("department", department), counts[0]));
            overdueRows.add(MultiGauge.Row.of(Tags.of("department", department), counts[1]));
        });
        // overwrite: a department with no active task left drops out instead of showing its last count forever
        open.register(openRows, true);
        overdue.register(overdueRows, true);
    }
}
