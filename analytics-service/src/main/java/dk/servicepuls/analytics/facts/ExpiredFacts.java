package dk.servicepuls.analytics.facts;

import java.time.Instant;
import java.util.Set;

import dk.servicepuls.platform.retention.DepartmentScope;
import dk.servicepuls.platform.retention.ExpiredData;
import dk.servicepuls.platform.retention.RetentionKind;
import org.springframework.stereotype.Component;

/**
 * Analytics' retention: the facts of cases closed longer ago than their department keeps case data, in the store and
 * in every view. Analytics knows its cases by one-way keys only, so it finds them itself rather than by case id. Its
 * facts of events without a case hold no text, no party and no case, so retention of that kind has nothing here.
 */
@Component
class ExpiredFacts implements ExpiredData {

    private final EventFacts facts;
    private final FactViews views;

    ExpiredFacts(EventFacts facts, FactViews views) {
        this.facts = facts;
        this.views = views;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.CASES;
    }

    @Override
    public long eraseBefore(DepartmentScope scope, Instant cutoff, int limit) {
        Set<String> expired = facts.closedBefore(scope, cutoff, limit);
        views.erase(expired);
        return expired.size();
    }
}
