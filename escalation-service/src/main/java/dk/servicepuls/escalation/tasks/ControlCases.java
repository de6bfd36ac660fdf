package dk.servicepuls.escalation.tasks;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code control_cases} collection: eligible cases held out of the calls, one document per case (the id is the
 * case), so a redelivery or a second unfavourable decision records nothing new.
 */
@Component
class ControlCases {

    static final String COLLECTION = "control_cases";

    private final MongoTemplate mongo;

    ControlCases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return whether this recorded the case; {@code false} when it was already in the control group */
    boolean record(String department, String caseId, List<String> reasons, Instant at) {
        try {
            mongo.insert(new Document("_id", department + "/" + caseId).append("department", department)
                    .append("caseId", caseId).append("reason", "holdout").append("eligibleFor", reasons)
                    .append("at", at), COLLECTION);
            return true;
        }
        catch (DuplicateKeyException already) {
            return false;
        }
    }
}
