package dk.servicepuls.escalation.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;
import org.bson.Document;
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
        long emptied = 0;
        if (!request.cases().isEmpty()) {
            // the cases leave the complaint lists they were noted in (a retention names no party), and a party left
            // with none is not kept at all
            Query noting = Query.query(Criteria.where("cases").in(request.cases()));
            noting.fields().include("_id");
            List<Object> parties = mongo.find(noting, Document.class, PartyComplaints.COLLECTION).stream()
                    .map(party -> party.get("_id")).toList();
            if (!parties.isEmpty()) {
                mongo.updateMulti(Query.query(Criteria.where("_id").in(parties)),
                        new Update().pullAll("cases", request.cases().toArray()), PartyComplaints.COLLECTION);
                emptied = mongo.remove(Query.query(Criteria.where("_id").in(parties).and("cases").size(0)),
                        PartyComplaints.COLLECTION).getDeletedCount();
            }
        }
        erased.put(PartyComplaints.COLLECTION, emptied + mongo.remove(Query.query(Criteria.where("_id").in(request.partyRefs()
                .stream().map(ref -> PartyComplaints.id(request.department(), ref)).toList())),
                PartyComplaints.COLLECTION).getDeletedCount());
        return erased;
    }
}
