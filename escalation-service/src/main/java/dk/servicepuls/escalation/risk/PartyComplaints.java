package dk.servicepuls.escalation.risk;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code party_complaints} collection: per department and party pseudonym, the cases with a formal complaint.
 * Kept within the department: the platform does not profile a person across authorities. The pseudonym is a key
 * here and nothing else; it is never logged or used as a label. A batch reads its parties with one query and writes
 * what it noted with one bulk write.
 */
@Component
class PartyComplaints {

    static final String COLLECTION = "party_complaints";

    private final MongoTemplate mongo;

    PartyComplaints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The key of a party within its department. */
    static String id(String department, String partyRef) {
        return department + ":" + partyRef;
    }

    /** The complaints of these parties (by {@link #id}) as stored now. */
    Known load(Collection<String> partyIds) {
        Map<String, Set<String>> cases = new HashMap<>();
        if (!partyIds.isEmpty()) {
            for (Document party : this.mongo.find(Query.query(Criteria.where("_id").in(partyIds)), Document.class,
                    COLLECTION)) {
                cases.put(party.getString("_id"), new HashSet<>(party.getList("cases", String.class, List.of())));
            }
        }
        return new Known(cases);
    }

    /**
     * Stores what was noted since {@link #load}. Idempotent, so a redelivered complaint or a retried batch notes it
     * once.
     */
    void save(Known known) {
        if (known.noted.isEmpty()) {
            return;
        }
        BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        List<String> order = List.copyOf(known.noted.keySet());
        order.forEach(party -> bulk.upsert(byParty(party), addCases(known.noted.get(party))));
        try {
            bulk.execute();
        }
        catch (BulkOperationException e) {
            // two upserts raced to create a party's document; it exists now
            for (int position : DuplicateKeys.positions(e.getErrors(), COLLECTION)) {
                String party = order.get(position);
                this.mongo.updateFirst(byParty(party), addCases(known.noted.get(party)), COLLECTION);
            }
        }
        known.noted.clear();
    }

    private static Update addCases(Set<String> cases) {
        return new Update().addToSet("cases").each(cases.toArray());
    }

    private static Query byParty(String partyId) {
        return Query.query(Criteria.where("_id").is(partyId));
    }

    /** A batch's view of its parties' complaints: as read, plus what the batch noted. */
    static final class Known {

        private final Map<String, Set<String>> cases;
        private final Map<String, Set<String>> noted = new LinkedHashMap<>();

        private Known(Map<String, Set<String>> cases) {
            this.cases = cases;
        }

        void note(String department, String partyRef, String caseId) {
            String party = id(department, partyRef);
            if (this.cases.computeIfAbsent(party, any -> new HashSet<>()).add(caseId)) {
                this.noted.computeIfAbsent(party, any -> new HashSet<>()).add(caseId);
            }
        }

        boolean onOtherCases(String department, String partyRef, String caseId) {
            Set<String> complained = this.cases.get(id(department, partyRef));
            return complained != null && complained.stream().anyMatch(other -> !other.equals(caseId));
        }
    }
}
