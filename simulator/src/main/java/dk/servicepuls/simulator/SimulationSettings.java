package dk.servicepuls.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What the simulated municipality looks like; everything else follows from the seed.
 *
 * @param seed            the same seed (and the same other settings) gives the same events and ground truth
 * @param cases           how many cases are opened
 * @param start           when the first case may open
 * @param period          cases open uniformly over {@code [start, start + period)}
 * @param callEffect      the true effect of a proactive call: the relative reduction of a case's complaint
 *                        probability when it is called (0 = no effect, 1 = a call always prevents the complaint)
 * @param callProbability the stand-in call policy's probability of calling a case with an unfavourable decision
 *                        expected (see {@link CallPolicy})
 * @param horizon         events after this moment are left out (cases still running then stay open, so their tasks
 *                        stay in the inbox); {@code null} for every case's whole story
 */
public record SimulationSettings(long seed, int cases, Instant start, Duration period, double callEffect,
        double callProbability, Instant horizon) {

    /** A Monday, so that runs with the default start are comparable. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

    public SimulationSettings {
        if (cases < 0) {
            throw new IllegalArgumentException("cases must be 0 or more");
        }
        if (start == null || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("start and a positive period are required");
        }
        if (callEffect < 0 || callEffect > 1) {
            throw new IllegalArgumentException("callEffect must be between 0 and 1");
        }
        if (callProbability < 0 || callProbability > 1) {
            throw new IllegalArgumentException("callProbability must be between 0 and 1");
        }
    }

    /** Seed 1, 1000 cases over 90 days from {@link #DEFAULT_START}, call effect 0.5, call probability 0.5. */
    public static SimulationSettings defaults() {
        return new SimulationSettings(1, 1000, DEFAULT_START, Duration.ofDays(90), 0.5, 0.5, null);
    }

    public SimulationSettings withSeed(long seed) {
        return new SimulationSettings(seed, cases, start, period, callEffect, callProbability, horizon);
    }

    public SimulationSettings withCases(int cases) {
        return new SimulationSettings(seed, cases, start, period, callEffect, callProbability, horizon);
    }

    public SimulationSettings withStart(Instant start) {
        return new SimulationSettings(seed, cases, start, period, callEffect, callProbability, horizon);
    }

    public SimulationSettings withPeriod(Duration period) {
        return new SimulationSettings(seed, cases, start, period, callEffect, callProbability, horizon);
    }

    public SimulationSettings withCallEffect(double callEffect) {
        return new SimulationSettings(seed, cases, start, period, callEffect, callProbability, horizon);
    }

    public SimulationSettings withCallProbability(double callProbability) {
        return new SimulationSettings(seed, cases, start, period, callEffect, callProbability, horizon);
    }

    public SimulationSettings withHorizon(Instant horizon) {
        return new SimulationSettings(seed, cases, start, period, callEffect, callProbability, horizon);
    }
}
