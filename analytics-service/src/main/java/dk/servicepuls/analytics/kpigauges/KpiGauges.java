package dk.servicepuls.analytics.kpigauges;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dk.servicepuls.analytics.kpis.Kpis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link KpiGaugeRows gauges} of every department: computes each department's KPIs over the rolling window
 * and replaces all rows at once, so that a department or a figure that no longer has data drops out instead of
 * showing its last value forever.
 */
@Component
class KpiGauges {

    private static final Logger log = LoggerFactory.getLogger(KpiGauges.class);

    private final Kpis kpis;
    private final KpiGaugesProperties properties;
    private final Map<KpiGauge, MultiGauge> gauges = new LinkedHashMap<>();
    private final Timer refreshTime;
    private final AtomicBoolean warnedOfDepartments = new AtomicBoolean();

    KpiGauges(Kpis kpis, KpiGaugesProperties properties, MeterRegistry meters) {
        this.kpis = kpis;
        this.properties = properties;
        for (KpiGauge gauge : KpiGauge.values()) {
            gauges.put(gauge, MultiGauge.builder(gauge.meterName()).description(gauge.description())
                    .baseUnit(gauge.baseUnit()).register(meters));
        }
        this.refreshTime = Timer.builder("servicepuls.kpi.gauges.refresh")
                .description("How long computing the KPI gauges of every department took").register(meters);
    }

    void run() {
        try {
            refreshTime.record(this::refresh);
        }
        catch (RuntimeException e) {
            log.warn("KPI gauges not refreshed: {}", e.toString());
        }
    }

    void refresh() {
        List<String> departments = kpis.departments();
        if (departments.size() > properties.maxDepartments()) {
            if (warnedOfDepartments.compareAndSet(false, true)) {
                log.warn("{} departments have facts; KPI gauges are kept for the first {} only "
                        + "(servicepuls.kpi-gauges.max-departments)", departments.size(), properties.maxDepartments());
            }
            departments = departments.subList(0, properties.maxDepartments());
        }
        KpiGaugeRows rows = new KpiGaugeRows();
        for (String department : departments) {
            rows.add(kpis.lastMonths(department, properties.months()));
        }
        // overwrite: a department or figure without data now drops out instead of showing its last value forever
        gauges.forEach((gauge, meter) -> meter.register(rows.of(gauge).stream()
                .map(row -> MultiGauge.Row.of(row.tags(), row.value())).toList(), true));
    }
}
