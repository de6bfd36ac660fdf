package dk.servicepuls.analytics.facts;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores a poll's facts once and hands those stored for the first time to every {@link FactView}. At start, before any
 * binding runs (this is done in the constructor, and the bindings start after every bean is made), each view is
 * given what the store holds, so a restart begins where the last run ended and no fact is given twice.
 */
@Component
class FactViews {

    private static final Logger log = LoggerFactory.getLogger(FactViews.class);

    private final EventFacts facts;
    private final List<FactView> views;

    FactViews(EventFacts facts, List<FactView> views) {
        this.facts = facts;
        this.views = List.copyOf(views);
        long started = System.nanoTime();
        long[] read = {0};
        facts.readAll(slice -> {
            read[0] += slice.size();
            this.views.forEach(view -> view.add(slice));
        });
        log.info("Views rebuilt from {} stored facts in {} ms", read[0], (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Stores the new facts and hands them on; when they could not be stored, nothing is handed on and the failure is
     * thrown, so that the poll is retried.
     *
     * @return how many were new
     */
    int on(List<EventFact> batch) {
        List<EventFact> firstTime = facts.storeNew(batch);
        if (!firstTime.isEmpty()) {
            views.forEach(view -> view.add(firstTime));
        }
        return firstTime.size();
    }

    /** Takes the cases' facts out of the store and every view. */
    long erase(Set<String> caseKeys) {
        long erased = facts.erase(caseKeys);
        views.forEach(view -> view.erase(caseKeys));
        return erased;
    }
}
