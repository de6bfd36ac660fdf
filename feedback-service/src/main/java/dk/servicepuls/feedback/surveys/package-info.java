/**
 * Surveys after contact: rules per department, channel and trigger decide whether a {@code contact.recorded} or a
 * {@code case.closed} earns an invitation (sampling, a quiet period per party and survey type, none while the case
 * has a recent complaint); an invitation is a signed, single-use, expiring link announced as
 * {@code survey.invited.v1} for the department's own messaging to deliver. The citizen answers on the page at
 * {@code /s/{token}} (server-rendered, Danish by default, English, no JavaScript, no tracking); an answer becomes
 * {@code feedback.submitted} like any other.
 */
package dk.servicepuls.feedback.surveys;
