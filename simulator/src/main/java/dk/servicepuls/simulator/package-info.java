/**
 * A seeded, deterministic municipality with ground truth. {@link dk.servicepuls.simulator.Municipality#simulate}
 * turns {@link dk.servicepuls.simulator.SimulationSettings} into the CloudEvents a municipality's case, telephony,
 * survey and complaint systems would send (valid against the contract's schemas, one case's events in time order,
 * cases interleaved) and, per case, what really happened: its latent complaint propensity, whether it would have
 * complained without a proactive call, whether it was called and whether it complained.
 * <p>
 * Open loop: the simulator decides itself who gets a call (see {@link dk.servicepuls.simulator.CallPolicy}); it does
 * not read the platform's inbox. Publishing, the report and the command line live in the sub-packages.
 */
package dk.servicepuls.simulator;
