/**
 * The synthetic events the benchmark sends: contract-valid case and contact events with unique ids and CPR-like
 * (never real) party ids. {@link dk.servicepuls.benchmark.load.MixedLoad} is the seam where a separate simulator
 * module can take over the mixed load of the latency phase.
 */
package dk.servicepuls.benchmark.load;
