/**
 * The web inbox at {@code /inbox}: caseworkers sign in with OpenID Connect (authorization code with PKCE), see their
 * own and their team's proactive-call tasks with the reasons behind them and a call guide, claim them and complete
 * them with an outcome and a call note; team leads see overdue and escalated tasks and the load per caseworker.
 * Server-rendered (Thymeleaf), Danish by default with English, built for WCAG 2.1 AA. It reads and changes tasks only
 * through {@link dk.servicepuls.escalation.tasks.TaskInbox}, under the same rules as the JSON API.
 */
package dk.servicepuls.escalation.inbox;
