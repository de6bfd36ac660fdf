/**
 * Explainable complaint risk per case: named factors with points and reasons in Danish and English, recomputed on
 * every event of the case, each change announced as risk.assessed on escalation.events and kept as history.
 */
package dk.servicepuls.escalation.risk;
