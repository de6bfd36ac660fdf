package dk.servicepuls.analytics.kpis;

import java.time.Clock;

import org.springframework.stereotype.Component;

/** The feature's entry point: a department's KPIs for a query, from the facts as they are now. */
@Component
class Kpis {

    private final CaseLedger ledger;
    private final KpiCalculator calculator;
    private final Clock clock;

    Kpis(CaseLedger ledger, KpiProperties properties, Clock clock) {
        this.ledger = ledger;
        this.calculator = new KpiCalculator(properties);
        this.clock = clock;
    }

    KpiReport report(KpiQuery query) {
        return ledger.read(query.department(), facts -> calculator.report(query, facts, clock.instant()));
    }
}
