package dk.servicepuls.analytics.facts;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;
import org.springframework.stereotype.Component;

/**
 * Analytics' part of an erasure: the facts of the party's cases, in the store and in every view. Analytics keeps no
 * party reference, so the cases are all it can go by. The KPIs then count the party's cases no more, as if they had
 * never been: an erasure changes figures already reported, which is the price of erasing rather than keeping an
 * anonymised copy that a replay of the topics would count again.
 */
@Component
class FactsEraser implements PartyDataEraser {

    private final FactViews views;

    FactsEraser(FactViews views) {
        this.views = views;
    }

    @Override
    public Map<String, Long> erase(ErasureRequest request) {
        Set<String> keys = request.cases().stream().map(caseId -> CaseKeys.of(request.department(), caseId))
                .collect(Collectors.toSet());
        return Map.of(EventFacts.COLLECTION, views.erase(keys));
    }
}
