package dk.servicepuls.simulator;

/**
 * The simulated truth about complaints: a logistic model of the case's history, and a proactive call that removes a
 * fixed share of that probability. The weights are the simulator's own; they overlap with the platform's risk factors
 * on purpose (an unfavourable decision, long waits, hand-offs, negative feedback, repeated contacts, earlier
 * complaints) but are not the same, and the party's temper is hidden from the platform, so the risk model can only
 * be partly right.
 *
 * <pre>
 * logit = −3.3 + 2.1·rejected + 1.2·partially approved + 0.6·[a wait over 10 min] + 0.35·min(hand-offs, 3)
 *         + 0.9·[negative feedback] + 0.25·max(0, inbound contacts − 2) + 0.4·[a contact not resolved]
 *         + 0.9·[the party complained before] + 0.4·[decision late] − 0.7·temper
 * propensity = 1 / (1 + e^−logit);  with a call: propensity × (1 − effect)
 * </pre>
 */
record ComplaintModel(double callEffect) {

    double propensity(CaseHistory history) {
        double logit = -3.3
                + (history.outcome() == Outcome.REJECTED ? 2.1 : 0)
                + (history.outcome() == Outcome.PARTIALLY_APPROVED ? 1.2 : 0)
                + (history.longWaits() > 0 ? 0.6 : 0)
                + 0.35 * Math.min(history.handOffs(), 3)
                + (history.negativeFeedback() ? 0.9 : 0)
                + 0.25 * Math.max(0, history.inboundContacts() - 2)
                + (history.unresolvedContacts() > 0 ? 0.4 : 0)
                + (history.earlierComplaintByParty() ? 0.9 : 0)
                + (history.delayed() ? 0.4 : 0)
                - 0.7 * history.temper();
        return 1 / (1 + Math.exp(-logit));
    }

    double probability(double propensity, boolean called) {
        return called ? propensity * (1 - callEffect) : propensity;
    }
}
