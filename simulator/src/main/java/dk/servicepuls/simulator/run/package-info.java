/**
 * Running the simulator: the command line ({@link dk.servicepuls.simulator.run.SimulatorCli}) and the local mode's
 * {@code --servicepuls.local.simulate} ({@link dk.servicepuls.simulator.run.LocalSimulation}). Generates, writes the
 * ground truth, publishes, and on request reports on the risk model.
 */
package dk.servicepuls.simulator.run;
