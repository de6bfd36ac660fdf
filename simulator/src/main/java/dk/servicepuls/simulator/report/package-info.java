/**
 * How well the platform's risk model foresaw the simulated complaints: reads what escalation-service published on
 * {@code escalation.events} ({@code task.created}, {@code risk.assessed}) and sets it against the ground truth.
 * The definitions of a positive prediction and of an actual positive are on
 * {@link dk.servicepuls.simulator.report.RiskModelReport}.
 */
package dk.servicepuls.simulator.report;
