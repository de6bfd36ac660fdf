package dk.servicepuls.feedback.surveys;

import java.time.Instant;
import java.util.List;

import dk.servicepuls.platform.retention.ClosedCases;
import dk.servicepuls.platform.retention.DepartmentScope;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The closed cases as feedback-service knows them: the surveys note each case's {@code case.closed}, which is where
 * the retention of the case's feedback, complaints, analyses and survey data starts.
 */
@Component
class ClosedSurveyCases implements ClosedCases {

    private final MongoTemplate mongo;

    ClosedSurveyCases(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Invitations.CASES).createIndex(new Index().on(Invitations.CLOSED_AT, Sort.Direction.ASC)
                .named("closed_cases").partial(PartialIndexFilter.of(Criteria.where(Invitations.CLOSED_AT).exists(true))));
    }

    @Override
    public List<ClosedCase> closedBefore(DepartmentScope scope, Instant cutoff, int limit) {
        Query query = Query.query(Criteria.where(Invitations.CLOSED_AT).lt(cutoff)
                .andOperator(scope.criteria("department"))).limit(limit);
        query.fields().include("department", "caseId");
        return mongo.find(query, Document.class, Invitations.CASES).stream()
                .map(found -> new ClosedCase(found.getString("department"), found.getString("caseId"))).toList();
    }
}
