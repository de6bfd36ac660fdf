package dk.servicepuls.feedback.analysis;

import java.util.Map;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The text analysis' part of an erasure: the analyses of the comments, complaints and notes of the party's cases. */
@Component
class AnalysesEraser implements PartyDataEraser {

    private final MongoTemplate mongo;

    AnalysesEraser(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Long> erase(ErasureRequest request) {
        if (request.cases().isEmpty()) {
            return Map.of();
        }
        return Map.of(AnalysedTexts.COLLECTION, mongo.remove(Query.query(Criteria.where("department")
                .is(request.department()).and("subject").in(request.cases())), AnalysedTexts.COLLECTION)
                .getDeletedCount());
    }
}
