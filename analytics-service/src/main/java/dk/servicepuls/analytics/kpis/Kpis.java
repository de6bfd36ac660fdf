package dk.servicepuls.analytics.kpis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

/** The feature's entry point: a department's KPIs for a query, from the facts as they are now. */
@Component
public class Kpis {

    private final CaseLedger ledger;
    private final KpiProperties properties;
    private final KpiCalculator calculator;
    private final Clock clock;

    Kpis(CaseLedger ledger, KpiProperties properties, Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.calculator = new KpiCalculator(properties);
        this.clock = clock;
    }

    public KpiReport report(KpiQuery query) {
        return ledger.read(query.department(), facts -> calculator.report(query, facts, clock.instant()));
    }

    /**
     * The department's KPIs by month over the last {@code months} calendar months, the running one included, up to
     * today in the KPIs' zone.
     */
    public KpiReport lastMonths(String department, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1");
        }
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LocalDate from = Granularity.MONTH.startOf(today).minusMonths(months - 1L);
        return report(new KpiQuery(department, null, from, today, Granularity.MONTH));
    }

    /** The departments that have sent facts, in order. */
    public List<String> departments() {
        return ledger.departments();
    }

    /** The department's teams that cases were opened in or handed to, in order. */
    public List<String> teams(String department) {
        return ledger.read(department, CaseLedger.DepartmentFacts::teams);
    }
}
