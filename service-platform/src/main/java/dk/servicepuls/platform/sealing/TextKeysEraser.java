package dk.servicepuls.platform.sealing;

import java.util.Map;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;

/**
 * The text keys' part of an erasure, and of retention, which erases closed cases the same way: the keys of the
 * cases are destroyed, so their texts on the topics can no longer be read by anyone.
 */
public class TextKeysEraser implements PartyDataEraser {

    private final TextKeys keys;

    public TextKeysEraser(TextKeys keys) {
        this.keys = keys;
    }

    @Override
    public Map<String, Long> erase(ErasureRequest request) {
        return Map.of(TextKeys.COLLECTION, keys.destroy(request.department(), request.cases()));
    }
}
