package dk.servicepuls.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a case is about. The id and name are synthetic and go only into {@code case.opened} (and now and then a
 * note), where the platform must pseudonymise or mask them; the ground truth never names a party.
 *
 * @param temper a latent disposition, standard normal; below zero the person is quicker to feel badly treated
 */
record Party(String id, String name, boolean business, String language, double temper, List<Instant> complaints) {

    Party(String id, String name, boolean business, String language, double temper) {
        this(id, name, business, language, temper, new ArrayList<>());
    }

    /** Whether this party had filed a complaint on another case before {@code moment}. */
    boolean complainedBefore(Instant moment) {
        return complaints.stream().anyMatch(moment::isAfter);
    }
}
