package dk.servicepuls.escalation.risk;

import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code party_complaints} collection: per department and party pseudonym, the cases with a formal complaint.
 * Kept within the department: the platform does not profile a person across authorities. The pseudonym is a key
 * here and nothing else; it is never logged or used as a label.
 */
@Component
class PartyComplaints {

    static final String COLLECTION = "party_complaints";

    private final MongoTemplate mongo;

    PartyComplaints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent, so a redelivered complaint or a retried assessment notes it once. */
    void note(String department, String partyRef, String caseId) {
        Update addCase = new Update().addToSet("cases", caseId);
        try {
            mongo.upsert(byParty(department, partyRef), addCase, COLLECTION);
        }
        catch (DuplicateKeyException concurrentFirstComplaint) {
            // two upserts raced to create the document; it exists now. Caught here rather than rethrown because the
            // exception's message names the key, and the key holds the pseudonym
            mongo.updateFirst(byParty(department, partyRef), addCase, COLLECTION);
        }
    }

    boolean onOtherCases(String department, String partyRef, String caseId) {
        Document party = mongo.findOne(byParty(department, partyRef), Document.class, COLLECTION);
        List<String> cases = party == null ? List.of() : party.getList("cases", String.class, List.of());
        return cases.stream().anyMatch(other -> !other.equals(caseId));
    }

    private static Query byParty(String department, String partyRef) {
        return Query.query(Criteria.where("_id").is(department + ":" + partyRef));
    }
}
