/**
 * The published events feedback-service reads ({@code contact.events}, {@code feedback.events}), one batch-mode
 * function per topic, handed to every feature that wants them ({@link dk.servicepuls.feedback.events.PublishedEvents}):
 * the text analysis and the surveys.
 */
package dk.servicepuls.feedback.events;
