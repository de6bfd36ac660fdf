package dk.servicepuls.analytics.kpis;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

/** The feature's entry point: a department's KPIs for a query, from the facts as they are now. */
@Component
public class Kpis {

    private final CaseLedger ledger;
    private final KpiCalculator calculator;
    private final Clock clock;

    Kpis(CaseLedger ledger, KpiProperties properties, Clock clock) {
        this.ledger = ledger;
        this.calculator = new KpiCalculator(properties);
        this.clock = clock;
    }

    public KpiReport report(KpiQuery query) {
        return ledger.read(query.department(), facts -> calculator.report(query, facts, clock.instant()));
    }

    /** The department's teams that cases were opened in or handed to, in order. */
    public List<String> teams(String department) {
        return ledger.read(department, CaseLedger.DepartmentFacts::teams);
    }
}
