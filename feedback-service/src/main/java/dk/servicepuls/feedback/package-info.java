/** feedback-service: survey answers (CSAT, CES, NPS), comments and formal complaints, and later their analysis. */
package dk.servicepuls.feedback;
