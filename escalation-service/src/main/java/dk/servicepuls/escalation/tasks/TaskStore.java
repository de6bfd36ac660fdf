package dk.servicepuls.escalation.tasks;

import java.util.List;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.TaskCreated;
import dk.servicepuls.escalation.tasks.ProactiveCallTasks.Outcome;
import dk.servicepuls.support.outbox.OutboxEntry;
import dk.servicepuls.support.outbox.OutboxRelay;
import dk.servicepuls.support.outbox.OutboxSequence;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code tasks} collection. A task and its task.created event go in as one document in one insert (the outbox
 * relay publishes the event), and two unique keys make the insert itself the check: the task id for a redelivered
 * trigger, {@code openCase} for a case that already has an open task. No read-then-write race, no transaction.
 */
@Component
class TaskStore {

    static final String COLLECTION = "tasks";
    /** Present only while a task is open; whoever closes a task must unset it so the case can get a new one. */
    static final String OPEN_CASE = "openCase";
    static final String SOURCE = "/servicepuls/escalation-service";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;

    TaskStore(MongoTemplate mongo, OutboxRelay relay, JsonMapper json) {
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        mongo.indexOps(COLLECTION).createIndex(new Index().on(OPEN_CASE, Sort.Direction.ASC).unique().sparse()
                .named("one_open_task_per_case"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("department", Sort.Direction.ASC)
                .on("dueAt", Sort.Direction.ASC).named("inbox"));
    }

    Outcome insert(Task task, TaskCreated announcement) {
        Document document = new Document();
        mongo.getConverter().write(task, document);
        document.append(OPEN_CASE, new Document("department", task.department()).append("caseId", task.caseId()))
                .append(OutboxEntry.SEQUENCE_FIELD, OutboxSequence.next())
                .append(OutboxEntry.FIELD, List.of(outboxEntry(task, announcement)));
        try {
            mongo.insert(document, COLLECTION);
        }
        catch (DuplicateKeyException refused) {
            boolean sameTask = mongo.exists(Query.query(Criteria.where("_id").is(task.taskId())), COLLECTION);
            return sameTask ? Outcome.REDELIVERY : Outcome.CASE_HAS_OPEN_TASK;
        }
        relay.nudge();
        return Outcome.CREATED;
    }

    /** A department's tasks, the most urgent first. */
    List<Task> ofDepartment(String department) {
        Query query = Query.query(Criteria.where("department").is(department)).with(Sort.by("dueAt", "createdAt", "taskId"));
        query.fields().exclude(OutboxEntry.FIELD);
        return mongo.find(query, Task.class, COLLECTION);
    }

    private Document outboxEntry(Task task, TaskCreated announcement) {
        // named from the task, so a rebuilt store announces the same task under the same event id
        String eventId = "task-created-" + task.taskId();
        OutboxEntry entry = new OutboxEntry(eventId, Topics.ESCALATION_EVENTS, task.caseId(), SOURCE,
                EventType.TASK_CREATED.type(), task.createdAt(), task.caseId(), task.department(),
                Document.parse(json.writeValueAsString(announcement)));
        Document written = new Document();
        mongo.getConverter().write(entry, written);
        return written;
    }
}
