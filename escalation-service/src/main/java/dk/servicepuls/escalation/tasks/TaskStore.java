package dk.servicepuls.escalation.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.escalation.tasks.ProactiveCallTasks.Outcome;
import dk.servicepuls.escalation.tasks.TaskTransitions.Announcement;
import dk.servicepuls.escalation.tasks.TaskTransitions.Change;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.outbox.Outbox;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code tasks} collection. A task and its task.created event go in as one document in one insert (the outbox
 * relay publishes the event), and two unique keys make the insert itself the check: the task id for a redelivered
 * trigger, {@code openCase} for a case that already has an open task. Every later step is one single-document
 * update that writes the new state, appends its history entry and pushes its event onto the outbox, guarded by the
 * version read: of two concurrent steps one wins, the other sees nothing changed. No read-then-write race, no
 * transaction.
 * <p>
 * While a consumer thread handles a batch ({@link #openBatch}), the active tasks of the batch's cases are read in one
 * query and kept up to date with what the thread writes. The version guard keeps that safe: a step decided on a task
 * someone else changed meanwhile finds it changed, and is decided again on the task read afresh. A write from any
 * other thread in this service drops the case from every open batch, which then reads it again.
 */
@Component
class TaskStore {

    static final String COLLECTION = "tasks";
    /** Present only while a task is active; whoever closes a task must unset it so the case can get a new one. */
    static final String OPEN_CASE = "openCase";
    static final String SOURCE = "/servicepuls/escalation-service";
    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;
    /** Per batch: the case and its active task, or none; absent means not known. */
    private final ThreadLocal<Map<CaseKey, Optional<Task>>> batch = new ThreadLocal<>();
    /**
     * The batches open on any thread, by identity: a map's own equals and hash code follow its entries, which change
     * while the batch is open, so a set of maps by content could not find one again to take it out.
     */
    private final Set<Map<CaseKey, Optional<Task>>> openBatches = Collections.newSetFromMap(new IdentityHashMap<>());

    TaskStore(MongoTemplate mongo, OutboxRelay relay, JsonMapper json) {
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        mongo.indexOps(COLLECTION).createIndex(new Index().on(OPEN_CASE, Sort.Direction.ASC).unique().sparse()
                .named("one_open_task_per_case"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("department", Sort.Direction.ASC)
                .on("dueAt", Sort.Direction.ASC).named("inbox"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("nextEscalationAt", Sort.Direction.ASC).sparse()
                .named("sla_ladder"));
    }

    Outcome insert(Task task, Announcement created) {
        Document document = write(task);
        Outbox.withEntry(document.append(OPEN_CASE, openCase(task)), outboxEntry(task, created, task.createdAt()),
                mongo.getConverter());
        try {
            mongo.insert(document, COLLECTION);
        }
        catch (DuplicateKeyException refused) {
            forget(task.department(), task.caseId());
            boolean sameTask = mongo.exists(Query.query(Criteria.where("_id").is(task.taskId())), COLLECTION);
            return sameTask ? Outcome.REDELIVERY : Outcome.CASE_HAS_OPEN_TASK;
        }
        relay.enqueue(COLLECTION, task.taskId());
        written(task.department(), task.caseId(), Optional.of(task));
        return Outcome.CREATED;
    }

    /**
     * Writes a step, its history and its event in one update, if the task is still as it was read. Returns
     * whether it was; {@code false} means someone else changed the task first and the step must be decided again.
     */
    boolean apply(Change change) {
        Task before = change.before();
        Task after = change.after();
        Document written = write(after);
        written.remove("_id");
        written.put(VERSION, before.version() + 1);
        Update update = new Update();
        written.forEach(update::set);
        for (String field : write(before).keySet()) {
            if (!written.containsKey(field) && !"_id".equals(field)) {
                update.unset(field);
            }
        }
        if (after.status().active()) {
            // a hand-off to another department moves the key with the task
            update.set(OPEN_CASE, openCase(after));
        }
        else {
            update.unset(OPEN_CASE);
        }
        Announcement announcement = change.announcement();
        if (announcement != null) {
            Instant at = after.history().get(after.history().size() - 1).at();
            Outbox.append(update, outboxEntry(after, announcement, at), mongo.getConverter());
        }
        Criteria version = before.version() == 0
                // tasks stored before steps were versioned have no version yet
                ? new Criteria().orOperator(Criteria.where(VERSION).is(0L), Criteria.where(VERSION).exists(false))
                : Criteria.where(VERSION).is(before.version());
        Query asRead = Query.query(new Criteria().andOperator(Criteria.where("_id").is(before.taskId())
                .and("status").is(before.status().name()), version));
        boolean applied = mongo.updateFirst(asRead, update, COLLECTION).getMatchedCount() == 1;
        if (!applied) {
            forget(before.department(), before.caseId());
            return false;
        }
        if (announcement != null) {
            relay.enqueue(COLLECTION, before.taskId());
        }
        boolean moved = !before.department().equals(after.department());
        written(before.department(), before.caseId(),
                after.status().active() && !moved ? Optional.of(after.stored(before.version() + 1)) : Optional.empty());
        if (moved && after.status().active()) {
            written(after.department(), after.caseId(), Optional.of(after.stored(before.version() + 1)));
        }
        return true;
    }

    Optional<Task> find(String taskId) {
        return Optional.ofNullable(mongo.findOne(withoutOutbox(Query.query(Criteria.where("_id").is(taskId))),
                Task.class, COLLECTION));
    }

    /**
     * The case's active task, if it has one; there is at most one, the unique key on openCase sees to that. Asked by
     * the whole key, which that index answers (on MongoDB and on the embedded store); asking by its fields would not.
     */
    Optional<Task> activeOf(String department, String caseId) {
        Map<CaseKey, Optional<Task>> current = batch.get();
        Optional<Task> known = current == null ? null : current.get(new CaseKey(department, caseId));
        if (known != null) {
            return known;
        }
        Query query = Query.query(Criteria.where(OPEN_CASE).is(openCase(department, caseId)));
        return Optional.ofNullable(mongo.findOne(withoutOutbox(query), Task.class, COLLECTION));
    }

    /** Reads the active tasks of the cases of the batch this thread is about to handle. */
    void openBatch(Collection<CaseKey> cases) {
        Map<CaseKey, Optional<Task>> opened = new ConcurrentHashMap<>();
        if (!cases.isEmpty()) {
            Query query = Query.query(Criteria.where(OPEN_CASE).in(cases.stream()
                    .map(key -> openCase(key.department(), key.caseId())).toList()));
            for (Task task : mongo.find(withoutOutbox(query), Task.class, COLLECTION)) {
                opened.put(new CaseKey(task.department(), task.caseId()), Optional.of(task));
            }
            cases.forEach(key -> opened.putIfAbsent(key, Optional.empty()));
        }
        batch.set(opened);
        synchronized (openBatches) {
            openBatches.add(opened);
        }
    }

    void closeBatch() {
        Map<CaseKey, Optional<Task>> current = batch.get();
        if (current != null) {
            synchronized (openBatches) {
                openBatches.remove(current);
            }
            batch.remove();
        }
    }

    /** What this thread now knows of the case; every other open batch reads it again. */
    private void written(String department, String caseId, Optional<Task> active) {
        CaseKey id = new CaseKey(department, caseId);
        Map<CaseKey, Optional<Task>> own = batch.get();
        synchronized (openBatches) {
            for (Map<CaseKey, Optional<Task>> other : openBatches) {
                if (other != own) {
                    other.remove(id);
                }
            }
        }
        if (own != null) {
            own.put(id, active);
        }
    }

    /** Not known any more, to this thread's batch either: the next read asks the store. */
    private void forget(String department, String caseId) {
        CaseKey id = new CaseKey(department, caseId);
        synchronized (openBatches) {
            openBatches.forEach(open -> open.remove(id));
        }
    }

    /** How many batches are open now, on any thread. */
    int openBatchCount() {
        synchronized (openBatches) {
            return openBatches.size();
        }
    }

    /** A department's tasks, the most urgent first, narrowed to an assignee, a team and statuses when given. */
    List<Task> ofDepartment(String department, String caseworkerId, String team, Collection<Task.Status> statuses) {
        Criteria criteria = Criteria.where("department").is(department);
        if (caseworkerId != null) {
            criteria.and("caseworkerId").is(caseworkerId);
        }
        if (team != null) {
            criteria.and("team").is(team);
        }
        if (!statuses.isEmpty()) {
            criteria.and("status").in(statuses.stream().map(Task.Status::name).toList());
        }
        Query query = Query.query(criteria).with(Sort.by("dueAt", "createdAt", "_id"));
        return mongo.find(withoutOutbox(query), Task.class, COLLECTION);
    }

    /** Active tasks whose next rung is due, the longest overdue first. */
    List<Task> dueForEscalation(Instant now, int limit) {
        Query query = Query.query(Criteria.where("nextEscalationAt").lte(now)).with(Sort.by("nextEscalationAt", "_id"))
                .limit(limit);
        return mongo.find(withoutOutbox(query), Task.class, COLLECTION);
    }

    /** Department, due time and status of every active task: what the gauges count. */
    List<Task> active() {
        Query query = Query.query(Criteria.where(OPEN_CASE).exists(true));
        query.fields().include("department", "dueAt", "status");
        return mongo.find(query, Task.class, COLLECTION);
    }

    private static Query withoutOutbox(Query query) {
        query.fields().exclude(OutboxEntry.FIELD);
        return query;
    }

    private Document write(Task task) {
        Document document = new Document();
        mongo.getConverter().write(task, document);
        document.remove("_class");
        return document;
    }

    private static Document openCase(Task task) {
        return openCase(task.department(), task.caseId());
    }

    /** Always in this field order: MongoDB compares embedded documents field by field, in order. */
    private static Document openCase(String department, String caseId) {
        return new Document("department", department).append("caseId", caseId);
    }

    private OutboxEntry outboxEntry(Task task, Announcement announcement, Instant at) {
        return new OutboxEntry(announcement.eventId(), Topics.ESCALATION_EVENTS, task.caseId(), SOURCE,
                announcement.type().type(), at, task.caseId(), task.department(),
                Document.parse(json.writeValueAsString(announcement.data())));
    }
}
