package dk.servicepuls.feedback.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The surveys' part of an erasure: the invitations to the party's cases (a link not yet answered stops working with
 * them), what the surveys knew of each case, and when the party was last asked.
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
        List<Criteria> cases = new ArrayList<>();
        cases.add(Criteria.where("partyRef").in(request.partyRefs()));
        if (!request.cases().isEmpty()) {
            cases.add(Criteria.where("_id").in(request.cases().stream()
                    .map(caseId -> Invitations.caseKey(request.department(), caseId)).toList()));
        }
        erased.put(Invitations.CASES, mongo.remove(Query.query(new Criteria().orOperator(cases)), Invitations.CASES)
                .getDeletedCount());
        erased.put(Invitations.QUIET, mongo.remove(Query.query(Criteria.where("party").in(request.partyRefs())),
                Invitations.QUIET).getDeletedCount());
        return erased;
    }
}
