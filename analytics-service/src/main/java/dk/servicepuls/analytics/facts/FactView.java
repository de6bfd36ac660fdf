package dk.servicepuls.analytics.facts;

import java.util.List;
import java.util.Set;

/**
 * A view built from the facts: counts, KPIs. It is given every stored fact once at start and afterwards each fact the
 * first time it is stored, so a redelivered event never reaches it twice. Calls come from several consumer threads.
 */
public interface FactView {

    void add(List<EventFact> facts);

    /**
     * Forgets the cases (by {@link CaseKeys}) of an erased party: what the view holds per case. Counts that name no
     * case may stay.
     */
    default void erase(Set<String> caseKeys) {
    }
}
