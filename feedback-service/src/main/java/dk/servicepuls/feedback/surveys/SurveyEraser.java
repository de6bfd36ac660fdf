package dk.servicepuls.feedback.surveys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The surveys' part of an erasure: the invitations to the party's cases (a link not yet answered stops working with
 * them), what the surveys knew of each case, and when the party was last asked. For a retention, which names cases
 * but no party, the last-asked dates go of each party left with no case here.
 */
@Component
class SurveyEraser implements PartyDataEraser {

    private final MongoTemplate mongo;

    SurveyEraser(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Long> erase(ErasureRequest request) {
        Map<String, Long> erased = new TreeMap<>();
        if (!request.cases().isEmpty()) {
            erased.put(Invitations.INVITATIONS, mongo.remove(Query.query(Criteria.where("department")
                    .is(request.department()).and("caseId").in(request.cases())), Invitations.INVITATIONS)
                    .getDeletedCount());
        }
        List<String> caseKeys = request.cases().stream()
                .map(caseId -> Invitations.caseKey(request.department(), caseId)).toList();
        // a retention names no party: the cases' parties are asked after when none of their cases is kept any more
        Set<String> parties = new HashSet<>(request.partyRefs());
        boolean partiesOfTheCases = request.partyRefs().isEmpty() && !caseKeys.isEmpty();
        if (partiesOfTheCases) {
            parties.addAll(partyRefs(Query.query(Criteria.where("_id").in(caseKeys))));
        }
        List<Criteria> cases = new ArrayList<>();
        cases.add(Criteria.where("partyRef").in(request.partyRefs()));
        if (!caseKeys.isEmpty()) {
            cases.add(Criteria.where("_id").in(caseKeys));
        }
        erased.put(Invitations.CASES, mongo.remove(Query.query(new Criteria().orOperator(cases)), Invitations.CASES)
                .getDeletedCount());
        if (partiesOfTheCases && !parties.isEmpty()) {
            parties.removeAll(partyRefs(Query.query(Criteria.where("partyRef").in(parties))));
        }
        erased.put(Invitations.QUIET, mongo.remove(Query.query(Criteria.where("party").in(parties)),
                Invitations.QUIET).getDeletedCount());
        return erased;
    }

    private Set<String> partyRefs(Query cases) {
        cases.fields().include("partyRef");
        Set<String> refs = new HashSet<>();
        mongo.find(cases, Document.class, Invitations.CASES).forEach(found -> {
            if (found.getString("partyRef") != null) {
                refs.add(found.getString("partyRef"));
            }
        });
        return refs;
    }
}
