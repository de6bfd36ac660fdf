package dk.servicepuls.platform.sealing;

import java.util.Map;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;
import org.springframework.core.Ordered;

/**
 * The text keys' part of an erasure, and of retention, which erases closed cases the same way: the keys of the
 * cases are destroyed, so their texts on the topics can no longer be read by anyone. It runs before the service's
 * other erasers: retention finds closed cases by what those erase, so a key whose destruction failed (Kafka away)
 * must leave its case to be found again by the next run.
 */
public class TextKeysEraser implements PartyDataEraser, Ordered {

    private final TextKeys keys;

    public TextKeysEraser(TextKeys keys) {
        this.keys = keys;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Map<String, Long> erase(ErasureRequest request) {
        return Map.of(TextKeys.COLLECTION, keys.destroy(request.department(), request.cases()));
    }
}
