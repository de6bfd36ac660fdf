package dk.servicepuls.escalation.risk;

import java.time.Instant;
import java.util.List;

import dk.servicepuls.platform.retention.ClosedCases;
import dk.servicepuls.platform.retention.DepartmentScope;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The closed cases as the risk knows them: a case's risk document keeps its {@code case.closed} among its facts,
 * which is where escalation-service's retention of the case starts.
 */
@Component
class ClosedRiskCases implements ClosedCases {

    private static final String FACTS = "facts";

    private final MongoTemplate mongo;

    ClosedRiskCases(MongoTemplate mongo) {
        this.mongo = mongo;
        // the retention job's question; on the embedded store, which ignores the index, it is an hourly scan
        mongo.indexOps(CaseRiskStore.COLLECTION).createIndex(new Index().on(FACTS + ".kind", Sort.Direction.ASC)
                .on(FACTS + ".time", Sort.Direction.ASC).named("closed_cases"));
    }

    @Override
    public List<ClosedCase> closedBefore(DepartmentScope scope, Instant cutoff, int limit) {
        Query query = Query.query(new Criteria().andOperator(scope.criteria("department"), Criteria.where(FACTS)
                .elemMatch(Criteria.where("kind").is(Fact.Kind.CASE_CLOSED.name()).and("time").lt(cutoff))))
                .limit(limit);
        query.fields().include("department", "caseId");
        return mongo.find(query, Document.class, CaseRiskStore.COLLECTION).stream()
                .map(found -> new ClosedCase(found.getString("department"), found.getString("caseId"))).toList();
    }
}
