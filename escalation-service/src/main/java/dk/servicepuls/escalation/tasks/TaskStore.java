package dk.servicepuls.escalation.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.escalation.caseevents.BatchOutdatedException;
import dk.servicepuls.escalation.tasks.ProactiveCallTasks.Outcome;
import dk.servicepuls.escalation.tasks.TaskTransitions.Announcement;
import dk.servicepuls.escalation.tasks.TaskTransitions.Change;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.outbox.Outbox;
import dk.servicepuls.platform.sealing.CaseRef;
import dk.servicepuls.platform.sealing.TextKeys;
import dk.servicepuls.platform.sealing.TextSeal;
import dk.servicepuls.platform.store.BatchCommit;
import dk.servicepuls.platform.store.JsonDocuments;
import dk.servicepuls.platform.store.MappedDocuments;
import org.bson.Document;
import org.springframework.dao.DataIntegrityViolationException;
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
 * query and kept up to date with what the thread writes, and the batch's inserts and steps are kept back
 * ({@link KeptTaskWrites}) and made in one bulk write when it ends ({@link #closeBatch}): a few commands a poll instead
 * of one or two per event. Before that write the store is asked, in two key lookups, whether every task is still as
 * the batch read it and no other writer created one of its tasks or cases' open tasks; if not, nothing is written and
 * the batch is handed over again ({@link BatchOutdatedException}), and this thread's next batch writes each step
 * through as it goes, with the version guard deciding a lost race on the spot. A write from any other thread in this
 * service drops the case from every open batch, which then reads it again, and outdates a batch that kept writes of
 * that case back.
 * <p>
 * The case file's record of handled events and the task writes keep one order ({@link #beforeWrite}): a step is
 * written before its event is marked handled, and a marked event before any later task write of its case, so that
 * whatever prefix of them a crash leaves, a redelivered event neither repeats its step nor acts on a later task.
 */
@Component
class TaskStore {

    static final String COLLECTION = "tasks";
    /** Present only while a task is active; whoever closes a task must unset it so the case can get a new one. */
    static final String OPEN_CASE = "openCase";
    static final String SOURCE = "/servicepuls/escalation-service";
    private static final String VERSION = "version";
    private static final String STATUS = "status";

    private final TextKeys keys;
    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final CaseFile cases;
    private final BatchCommit commit;
    /** The batch this thread is handling, if any. */
    private final ThreadLocal<OpenBatch> batch = new ThreadLocal<>();
    /** Set on a thread whose kept writes were outdated: its next batch writes through. */
    private final ThreadLocal<Boolean> writeThroughNext = new ThreadLocal<>();
    /** The batches open on any thread (an {@link OpenBatch} is equal only to itself). */
    private final Set<OpenBatch> openBatches = new HashSet<>();

    TaskStore(MongoTemplate mongo, OutboxRelay relay, JsonMapper json, CaseFile cases, BatchCommit commit,
            TextKeys keys) {
        this.keys = keys;
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        this.cases = cases;
        this.commit = commit;
        mongo.indexOps(COLLECTION).createIndex(new Index().on(OPEN_CASE, Sort.Direction.ASC).unique().sparse()
                .named("one_open_task_per_case"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("department", Sort.Direction.ASC)
                .on("dueAt", Sort.Direction.ASC).named("inbox"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("nextEscalationAt", Sort.Direction.ASC).sparse()
                .named("sla_ladder"));
    }

    Outcome insert(Task task, Announcement created) {
        beforeWrite(task.department(), task.caseId());
        Document document = write(task);
        Outbox.withEntry(document.append(OPEN_CASE, openCase(task)), outboxEntry(task, created, task.createdAt()),
                mongo.getConverter());
        OpenBatch current = batch.get();
        if (current != null && current.kept != null) {
            return keepInsert(current, task, document);
        }
        try {
            mongo.insert(document, COLLECTION);
        }
        catch (DuplicateKeyException refused) {
            forget(task.department(), task.caseId());
            return exists(task.taskId()) ? Outcome.REDELIVERY : Outcome.CASE_HAS_OPEN_TASK;
        }
        relay.enqueue(COLLECTION, task.taskId());
        written(task.department(), task.caseId(), Optional.of(task));
        return Outcome.CREATED;
    }

    /** Decides as the insert would, from what the batch knows, and keeps the insert back. */
    private Outcome keepInsert(OpenBatch current, Task task, Document document) {
        Optional<Task> active = activeOf(task.department(), task.caseId());
        if (active.isPresent() && active.get().taskId().equals(task.taskId()) || current.exists(task.taskId())) {
            return Outcome.REDELIVERY;
        }
        if (active.isPresent()) {
            return Outcome.CASE_HAS_OPEN_TASK;
        }
        current.kept.insert(task, document);
        current.kept.afterWrite(() -> relay.enqueue(COLLECTION, task.taskId()));
        current.created(task.taskId());
        written(task.department(), task.caseId(), Optional.of(task));
        return Outcome.CREATED;
    }

    /**
     * Writes a step, its history and its event in one update, if the task is still as it was read. Returns
     * whether it was; {@code false} means someone else changed the task first and the step must be decided again.
     * In a batch that keeps its writes back, the step is kept and taken as made; the end of the batch checks.
     */
    boolean apply(Change change) {
        Task before = change.before();
        Task after = change.after();
        beforeWrite(before.department(), before.caseId());
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
                .and(STATUS).is(before.status().name()), version));
        OpenBatch current = batch.get();
        if (current != null && current.kept != null) {
            current.kept.update(before, after, asRead.getQueryObject(), update.getUpdateObject());
            if (announcement != null) {
                current.kept.afterWrite(() -> relay.enqueue(COLLECTION, before.taskId()));
            }
        }
        else {
            if (mongo.updateFirst(asRead, update, COLLECTION).getMatchedCount() != 1) {
                forget(before.department(), before.caseId());
                return false;
            }
            if (announcement != null) {
                relay.enqueue(COLLECTION, before.taskId());
            }
        }
        boolean moved = !before.department().equals(after.department());
        written(before.department(), before.caseId(),
                after.status().active() && !moved ? Optional.of(after.stored(before.version() + 1)) : Optional.empty());
        if (moved && after.status().active()) {
            written(after.department(), after.caseId(), Optional.of(after.stored(before.version() + 1)));
        }
        return true;
    }

    /** Runs the action once what this thread has written so far is in the store: now, or when its batch writes. */
    void whenWritten(Runnable action) {
        OpenBatch current = batch.get();
        if (current != null && current.kept != null) {
            current.kept.afterWrite(action);
        }
        else {
            action.run();
        }
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
        OpenBatch current = batch.get();
        Optional<Task> known = current == null ? null : current.known.get(new CaseKey(department, caseId));
        if (known != null) {
            return known;
        }
        Query query = Query.query(Criteria.where(OPEN_CASE).is(openCase(department, caseId)));
        return Optional.ofNullable(mongo.findOne(withoutOutbox(query), Task.class, COLLECTION));
    }

    /**
     * Reads the active tasks of the cases of the batch this thread is about to handle, and which of the tasks the
     * batch may create are stored already (their ids are derived from the case, so they can be asked for at once).
     */
    void openBatch(Collection<CaseKey> cases, Collection<String> possibleTaskIds) {
        openBatch(readActive(cases), possibleTaskIds,
                asksStoredIds(possibleTaskIds) ? storedIds(possibleTaskIds) : Set.of());
    }

    /**
     * Opens this thread's batch on what was read for it, on any thread, by {@link #readActive} and, where
     * {@link #asksStoredIds}, {@link #storedIds}.
     */
    void openBatch(Map<CaseKey, Optional<Task>> active, Collection<String> possibleTaskIds, Set<String> stored) {
        boolean keep = keepsNextBatch();
        writeThroughNext.remove();
        OpenBatch opened = new OpenBatch(keep ? new KeptTaskWrites() : null);
        opened.known.putAll(active);
        if (keep) {
            possibleTaskIds.forEach(id -> opened.stored.put(id, stored.contains(id)));
        }
        batch.set(opened);
        synchronized (openBatches) {
            openBatches.add(opened);
        }
    }

    /** Whether this thread's next batch keeps its writes back, or writes through after an outdated one. */
    private boolean keepsNextBatch() {
        return !Boolean.TRUE.equals(writeThroughNext.get());
    }

    /**
     * Whether this thread's next batch asks up front which of its possible new tasks are stored (a batch that keeps
     * its writes back does; one that writes through asks task by task). Ask on the thread that opens the batch.
     */
    boolean asksStoredIds(Collection<String> possibleTaskIds) {
        return keepsNextBatch() && !possibleTaskIds.isEmpty();
    }

    /** The cases' active tasks, none where a case has none; on any thread. */
    Map<CaseKey, Optional<Task>> readActive(Collection<CaseKey> cases) {
        Map<CaseKey, Optional<Task>> active = new HashMap<>();
        if (!cases.isEmpty()) {
            Query query = Query.query(Criteria.where(OPEN_CASE).in(cases.stream()
                    .map(key -> openCase(key.department(), key.caseId())).toList()));
            for (Task task : mongo.find(withoutOutbox(query), Task.class, COLLECTION)) {
                active.put(new CaseKey(task.department(), task.caseId()), Optional.of(task));
            }
            cases.forEach(key -> active.putIfAbsent(key, Optional.empty()));
        }
        return active;
    }

    /**
     * Makes the writes the batch kept back and lets go of the batch, also when they cannot be made.
     *
     * @throws BatchOutdatedException when another writer changed the batch's tasks or cases meanwhile
     */
    void closeBatch() {
        OpenBatch current = batch.get();
        if (current == null) {
            return;
        }
        try {
            writeKept(current);
        }
        finally {
            synchronized (openBatches) {
                openBatches.remove(current);
            }
            batch.remove();
        }
    }

    /**
     * Keeps the order between the case file and the tasks: a case's events marked handled are written before a later
     * task write of the case, and what the batch kept back before them first, as their steps came before the marks.
     */
    private void beforeWrite(String department, String caseId) {
        if (cases.hasUnwrittenMarks(department, caseId)) {
            OpenBatch current = batch.get();
            if (current != null) {
                writeKept(current);
            }
            cases.writeKept();
        }
    }

    /** Writes what the batch kept back, in one bulk write, if the store still holds what the batch decided on. */
    private void writeKept(OpenBatch current) {
        if (current.kept == null) {
            return;
        }
        if (current.outdated) {
            throw outdated(current, "its tasks were written by another thread");
        }
        KeptTaskWrites kept = current.kept;
        if (kept.isEmpty()) {
            return;
        }
        current.kept = new KeptTaskWrites();
        current.keptCases.clear();
        String changed = changedMeanwhile(kept);
        if (changed != null) {
            throw outdated(current, changed);
        }
        BulkWriteResult result;
        try {
            // the driver's own bulk write, so that it is part of the batch's commit
            result = commit.collection(COLLECTION).bulkWrite(kept.models(), new BulkWriteOptions().ordered(true));
        }
        catch (MongoBulkWriteException refused) {
            if (refused.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw outdated(current, "another writer created one of its tasks first");
            }
            // without the driver's message, which names the key
            throw new DataIntegrityViolationException(COLLECTION + " not written: error "
                    + refused.getWriteErrors().get(0).getCode());
        }
        if (result.getInsertedCount() != kept.inserts() || result.getMatchedCount() != kept.updates()) {
            throw outdated(current, "another writer changed one of its tasks as it wrote");
        }
        kept.written();
    }

    /**
     * What another writer changed of the tasks the batch kept writes of, asked by key: a task updated since it was
     * read, one created under an id the batch inserts, or an open task of a case the batch gives a new one.
     * {@code null} when nothing.
     */
    private String changedMeanwhile(KeptTaskWrites kept) {
        List<String> ids = new ArrayList<>(kept.expected().keySet());
        ids.addAll(kept.inserted().keySet());
        Query byId = Query.query(Criteria.where("_id").in(ids));
        byId.fields().include(VERSION, STATUS);
        Set<String> found = new HashSet<>();
        for (Document stored : mongo.find(byId, Document.class, COLLECTION)) {
            String id = stored.getString("_id");
            found.add(id);
            KeptTaskWrites.Expected expected = kept.expected().get(id);
            if (expected == null) {
                return "one of its new tasks was created by another writer";
            }
            Number version = stored.get(VERSION, Number.class);
            if ((version == null ? 0 : version.longValue()) != expected.version()
                    || !expected.status().name().equals(stored.getString(STATUS))) {
                return "one of its tasks was changed by another writer";
            }
        }
        if (!found.containsAll(kept.expected().keySet())) {
            return "one of its tasks was removed";
        }
        if (!kept.inserted().isEmpty()) {
            Query byCase = Query.query(Criteria.where(OPEN_CASE).in(kept.inserted().values().stream().distinct()
                    .map(key -> openCase(key.department(), key.caseId())).toList()));
            byCase.fields().include("_id");
            for (Document open : mongo.find(byCase, Document.class, COLLECTION)) {
                if (!kept.expected().containsKey(open.getString("_id"))) {
                    return "another writer gave one of its cases an open task";
                }
            }
        }
        return null;
    }

    private BatchOutdatedException outdated(OpenBatch current, String why) {
        current.outdated = true;
        writeThroughNext.set(Boolean.TRUE);
        return new BatchOutdatedException("The batch's task writes are outdated: " + why);
    }

    /** Which of the task ids are stored; on any thread. */
    Set<String> storedIds(Collection<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        Set<String> stored = new HashSet<>();
        mongo.find(query, Document.class, COLLECTION).forEach(document -> stored.add(document.getString("_id")));
        return stored;
    }

    private boolean exists(String taskId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(taskId)), COLLECTION);
    }

    /** What this thread now knows of the case; every other open batch reads it again. */
    private void written(String department, String caseId, Optional<Task> active) {
        CaseKey id = new CaseKey(department, caseId);
        OpenBatch own = batch.get();
        synchronized (openBatches) {
            for (OpenBatch other : openBatches) {
                if (other != own) {
                    other.lose(id);
                }
            }
        }
        if (own != null) {
            own.known.put(id, active);
            if (own.kept != null) {
                own.keptCases.add(id);
            }
        }
    }

    /** Not known any more, to this thread's batch either: the next read asks the store. */
    private void forget(String department, String caseId) {
        CaseKey id = new CaseKey(department, caseId);
        synchronized (openBatches) {
            openBatches.forEach(open -> open.lose(id));
        }
    }

    /** How many batches are open now, on any thread. */
    int openBatchCount() {
        synchronized (openBatches) {
            return openBatches.size();
        }
    }

    /**
     * A batch in progress on one thread. What it knows of its cases and whether it is outdated are also changed by
     * other threads' writes.
     */
    private final class OpenBatch {

        /** The case and its active task, or none; absent means not known. */
        final Map<CaseKey, Optional<Task>> known = new ConcurrentHashMap<>();
        /** The cases this batch kept writes of. */
        final Set<CaseKey> keptCases = ConcurrentHashMap.newKeySet();
        /** Task ids the batch asked for at its start: stored or not; other ids are asked for one by one. */
        final Map<String, Boolean> stored = new HashMap<>();
        /** {@code null} while writing through. */
        KeptTaskWrites kept;
        volatile boolean outdated;

        OpenBatch(KeptTaskWrites kept) {
            this.kept = kept;
        }

        boolean exists(String taskId) {
            return stored.computeIfAbsent(taskId, TaskStore.this::exists);
        }

        void created(String taskId) {
            stored.put(taskId, true);
        }

        void lose(CaseKey id) {
            known.remove(id);
            if (keptCases.contains(id)) {
                outdated = true;
            }
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
        return MappedDocuments.of(mongo.getConverter(), task);
    }

    private static Document openCase(Task task) {
        return openCase(task.department(), task.caseId());
    }

    /** Always in this field order: MongoDB compares embedded documents field by field, in order. */
    private static Document openCase(String department, String caseId) {
        return new Document("department", department).append("caseId", caseId);
    }

    private OutboxEntry outboxEntry(Task task, Announcement announcement, Instant at) {
        Document data = JsonDocuments.of(json, announcement.data());
        if (data.get("note") instanceof String note) {
            // the call note goes out sealed with the case's key, as every free text on the topics (platform.sealing)
            data.put("note", TextSeal.seal(keys.keyFor(new CaseRef(task.department(), task.caseId())), note));
        }
        return new OutboxEntry(announcement.eventId(), Topics.ESCALATION_EVENTS, task.caseId(), SOURCE,
                announcement.type().type(), at, task.caseId(), task.department(), data);
    }
}
