package dk.servicepuls.escalation.tasks;

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
 * The tasks' part of an erasure: every task of the party's cases, open or closed (their history, outcomes and
 * notes with them), what the tasks knew of each case, and the cases held out as controls.
 */
@Component
class TaskEraser implements PartyDataEraser {

    private final MongoTemplate mongo;

    TaskEraser(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Long> erase(ErasureRequest request) {
        Map<String, Long> erased = new TreeMap<>();
        if (request.cases().isEmpty()) {
            return erased;
        }
        List<String> keys = request.cases().stream().map(caseId -> new CaseKey(request.department(), caseId).id())
                .toList();
        erased.put(TaskStore.COLLECTION, mongo.remove(Query.query(Criteria.where("department")
                .is(request.department()).and("caseId").in(request.cases())), TaskStore.COLLECTION).getDeletedCount());
        erased.put(CaseFile.COLLECTION, mongo.remove(Query.query(Criteria.where("_id").in(keys)), CaseFile.COLLECTION)
                .getDeletedCount());
        erased.put(ControlCases.COLLECTION, mongo.remove(Query.query(Criteria.where("_id").in(keys)),
                ControlCases.COLLECTION).getDeletedCount());
        return erased;
    }
}
