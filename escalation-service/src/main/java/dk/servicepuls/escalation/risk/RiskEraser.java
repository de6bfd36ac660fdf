package dk.servicepuls.escalation.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The risk's part of an erasure: the risk of each of the party's cases, of any case stored under one of its
 * references (also cases contact-service did not name), and the party's complaints.
 */
@Component
class RiskEraser implements PartyDataEraser {

    private final MongoTemplate mongo;

    RiskEraser(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Long> erase(ErasureRequest request) {
        Map<String, Long> erased = new TreeMap<>();
        List<Criteria> ofTheParty = new ArrayList<>();
        if (!request.cases().isEmpty()) {
            ofTheParty.add(Criteria.where("_id").in(request.cases().stream()
                    .map(caseId -> CaseRisk.id(request.department(), caseId)).toList()));
        }
        if (!request.partyRefs().isEmpty()) {
            ofTheParty.add(Criteria.where("department").is(request.department()).orOperator(
                    Criteria.where("partyRef").in(request.partyRefs()),
                    Criteria.where("formerPartyRef").in(request.partyRefs())));
        }
        if (!ofTheParty.isEmpty()) {
            erased.put(CaseRiskStore.COLLECTION, mongo.remove(Query.query(new Criteria().orOperator(ofTheParty)),
                    CaseRiskStore.COLLECTION).getDeletedCount());
        }
        if (!request.cases().isEmpty()) {
            // the cases leave the complaint lists of whoever else they were noted for (a retention takes no party)
            mongo.updateMulti(Query.query(Criteria.where("cases").in(request.cases())),
                    new Update().pullAll("cases", request.cases().toArray()), PartyComplaints.COLLECTION);
        }
        erased.put(PartyComplaints.COLLECTION, mongo.remove(Query.query(Criteria.where("_id").in(request.partyRefs()
                .stream().map(ref -> PartyComplaints.id(request.department(), ref)).toList())),
                PartyComplaints.COLLECTION).getDeletedCount());
        return erased;
    }
}
