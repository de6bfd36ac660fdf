package dk.servicepuls.platform.privacy;

import java.util.Collection;

/**
 * Party references kept in a table rather than computed: each party gets a random reference the first time it is
 * seen, kept under its computed one (the handle, which is never published). Forgetting the entry is how an erasure
 * reaches the topics, which keep the reference for good: without the entry nobody, not even whoever holds the
 * deployment's secret and the party's CPR number, can tell which events were the party's. Crypto-shredding, with
 * the random reference as the shredded key.
 */
public interface KeptReferences {

    /** The reference kept for the handle, or a new random one, kept from now on. */
    String referenceFor(String handle);

    /** Finds or makes the references of these handles at once, so that {@link #referenceFor} finds them at hand. */
    void prepare(Collection<String> handles);
}
