package dk.servicepuls.escalation.tasks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The task writes one batch keeps back for a bulk write at its end, and what the store must still hold for them to
 * be right: the version and status each updated task was read at, and no task yet under each inserted id.
 * <p>
 * An ordered bulk write sends each run of inserts or of updates as one command, so the writes go out in alternating
 * rounds (inserts, updates, inserts, ...), each write in the earliest round after every earlier write to its task and
 * its case: a task's steps stay in order, and a new task of a case follows the step that closed the case's last one
 * (which frees the case's open-task key). Usually that is two commands for the whole batch.
 */
final class KeptTaskWrites {

    /** The version and status a task was read at, which the store must still show when the batch writes. */
    record Expected(long version, Task.Status status) {
    }

    private record Write(int round, WriteModel<Document> model) {
    }

    private final List<Write> writes = new ArrayList<>();
    private final Map<String, Integer> lastRoundOfTask = new HashMap<>();
    private final Map<CaseKey, Integer> lastRoundOfCase = new HashMap<>();
    private final Map<String, Expected> expected = new LinkedHashMap<>();
    private final Map<String, CaseKey> inserted = new LinkedHashMap<>();
    private final List<Runnable> afterWrite = new ArrayList<>();
    private int updates;

    void insert(Task task, Document document) {
        CaseKey key = new CaseKey(task.department(), task.caseId());
        int round = nextRound(true, lastRoundOf(task.taskId()), lastRoundOf(key));
        add(round, new InsertOneModel<>(document), task.taskId(), key, key);
        inserted.put(task.taskId(), key);
    }

    void update(Task before, Task after, Bson filter, Document update) {
        CaseKey from = new CaseKey(before.department(), before.caseId());
        CaseKey to = new CaseKey(after.department(), after.caseId());
        int round = nextRound(false, lastRoundOf(before.taskId()), Math.max(lastRoundOf(from), lastRoundOf(to)));
        add(round, new UpdateOneModel<>(filter, update), before.taskId(), from, to);
        if (!inserted.containsKey(before.taskId())) {
            expected.putIfAbsent(before.taskId(), new Expected(before.version(), before.status()));
        }
        updates++;
    }

    /** Runs once the writes are made; dropped with them when they are not. */
    void afterWrite(Runnable action) {
        afterWrite.add(action);
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** In the order to send them. */
    List<WriteModel<Document>> models() {
        return writes.stream().sorted(Comparator.comparingInt(Write::round)).map(Write::model).toList();
    }

    int inserts() {
        return inserted.size();
    }

    int updates() {
        return updates;
    }

    /** The tasks updated that the batch read from the store, by id. */
    Map<String, Expected> expected() {
        return expected;
    }

    /** The tasks inserted, by id, with their cases. */
    Map<String, CaseKey> inserted() {
        return inserted;
    }

    void written() {
        afterWrite.forEach(Runnable::run);
    }

    private void add(int round, WriteModel<Document> model, String taskId, CaseKey from, CaseKey to) {
        writes.add(new Write(round, model));
        lastRoundOfTask.put(taskId, round);
        lastRoundOfCase.put(from, round);
        lastRoundOfCase.put(to, round);
    }

    private int lastRoundOf(String taskId) {
        return lastRoundOfTask.getOrDefault(taskId, -1);
    }

    private int lastRoundOf(CaseKey key) {
        return lastRoundOfCase.getOrDefault(key, -1);
    }

    /** Inserts go in even rounds, updates in odd ones: the first such round after all of these. */
    private static int nextRound(boolean insert, int... after) {
        int last = -1;
        for (int round : after) {
            last = Math.max(last, round);
        }
        int next = last + 1;
        return (next % 2 == 0) == insert ? next : next + 1;
    }
}
