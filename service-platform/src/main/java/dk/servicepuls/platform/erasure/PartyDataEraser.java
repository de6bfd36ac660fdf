package dk.servicepuls.platform.erasure;

import java.util.Map;

/**
 * One feature's part of an erasure: takes out of its store everything of the request's party and cases. Runs again
 * after a crash or a redelivery, so it must be idempotent; it should leave a key behind where the key guards against
 * a redelivered event being taken for new (a tombstone without content).
 */
public interface PartyDataEraser {

    /** @return how many documents it erased, by collection; collections with none may be left out */
    Map<String, Long> erase(ErasureRequest request);
}
