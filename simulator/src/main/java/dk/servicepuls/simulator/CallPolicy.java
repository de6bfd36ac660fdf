package dk.servicepuls.simulator;

import java.util.random.RandomGenerator;

/**
 * The open-loop stand-in for the caseworkers: a case whose pending decision is expected to be a rejection or a
 * partial approval is called with probability {@code probability}, at random, whatever the platform's inbox says.
 * Random assignment among eligible cases makes called and uncalled eligible cases comparable, so the call's effect
 * can be read off the ground truth. Calling the cases the platform puts in the inbox (closing the loop through the
 * inbox API) is future work.
 */
record CallPolicy(double probability) {

    boolean eligible(Outcome expected) {
        return expected.unfavourable();
    }

    boolean calls(Outcome expected, RandomGenerator random) {
        // always draw, so that the rest of the case's story does not depend on whether it was eligible
        boolean drawn = Draw.chance(random, probability);
        return eligible(expected) && drawn;
    }
}
