package dk.servicepuls.simulator;

/**
 * What happened on a case up to its decision, as far as it drives the wish to complain.
 *
 * @param outcome the decision actually made
 * @param delayed whether the decision went out after its due date
 * @param temper  the party's disposition (see {@link Party#temper()})
 */
record CaseHistory(Outcome outcome, int inboundContacts, int longWaits, int unresolvedContacts, int handOffs,
        boolean negativeFeedback, boolean earlierComplaintByParty, boolean delayed, double temper) {
}
