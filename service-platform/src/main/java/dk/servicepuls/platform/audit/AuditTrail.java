package dk.servicepuls.platform.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The chains in the store: {@value #ENTRIES} holds the entries, keyed by department and sequence number, and
 * {@value #HEADS} each department's last sequence number and hash. Every read and write is by key, so the trail's
 * cost does not grow with its length. The head may lag behind (a stop between the two writes, or another instance):
 * whoever appends looks past it, entry by entry, and the unique key stops two instances from taking one number.
 */
public class AuditTrail {

    public static final String ENTRIES = "audit_trail";
    public static final String HEADS = "audit_heads";
    private static final int ATTEMPTS = 10;
    private static final int READ_BATCH = 500;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Object appending = new Object();
    /** Each department's last entry as this instance wrote or read it; another instance's entries make it stale. */
    private final Map<String, AuditEntry> lastWritten = new HashMap<>();

    AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    AuditEntry append(AuditEntry.Draft draft) {
        synchronized (appending) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                AuditEntry last = lastWritten.containsKey(draft.department()) ? lastWritten.get(draft.department())
                        : last(draft.department());
                AuditEntry entry = AuditEntry.next(last == null ? 0 : last.seq(),
                        last == null ? AuditEntry.GENESIS : last.hash(), draft, clock.instant());
                try {
                    mongo.insert(document(entry), ENTRIES);
                }
                catch (DuplicateKeyException anotherInstanceTookIt) {
                    // read the chain's end from the store again
                    lastWritten.remove(draft.department());
                    continue;
                }
                lastWritten.put(entry.department(), entry);
                mongo.getCollection(HEADS).replaceOne(new Document("_id", entry.department()),
                        new Document("_id", entry.department()).append("seq", entry.seq()).append("hash", entry.hash()),
                        new ReplaceOptions().upsert(true));
                return entry;
            }
            throw new IllegalStateException("No audit entry number free for " + draft.department() + " after "
                    + ATTEMPTS + " attempts");
        }
    }

    /** The department's last entry, or {@code null} before its first. */
    AuditEntry last(String department) {
        Document head = mongo.findById(department, Document.class, HEADS);
        long seq = head == null ? 0 : head.get("seq", Number.class).longValue();
        AuditEntry last = seq == 0 ? null : entry(department, seq);
        for (AuditEntry next = entry(department, seq + 1); next != null; next = entry(department, next.seq() + 1)) {
            last = next;
        }
        return last;
    }

    /** Up to {@code limit} entries before {@code before} (the newest when {@code null}), the newest first. */
    List<AuditEntry> page(String department, Long before, int limit) {
        AuditEntry last = last(department);
        long top = last == null ? 0 : before == null ? last.seq() : Math.min(before - 1, last.seq());
        long bottom = Math.max(1, top - limit + 1);
        if (top < 1) {
            return List.of();
        }
        List<AuditEntry> entries = new ArrayList<>(entries(department, bottom, top).values());
        entries.sort(Comparator.comparingLong(AuditEntry::seq).reversed());
        return entries;
    }

    /** Walks the department's whole chain and says whether it holds, and where it breaks first. */
    Verification verify(String department) {
        AuditEntry last = last(department);
        long end = last == null ? 0 : last.seq();
        String previous = AuditEntry.GENESIS;
        for (long from = 1; from <= end; from += READ_BATCH) {
            Map<Long, AuditEntry> batch = entries(department, from, Math.min(end, from + READ_BATCH - 1));
            for (long seq = from; seq <= Math.min(end, from + READ_BATCH - 1); seq++) {
                AuditEntry entry = batch.get(seq);
                String broken = entry == null ? "missing"
                        : !entry.previousHash().equals(previous) ? "not linked to the entry before"
                        : !entry.sealed() ? "content does not match its hash" : null;
                if (broken != null) {
                    return new Verification(department, end, false, seq, "entry " + seq + ": " + broken, null);
                }
                previous = entry.hash();
            }
        }
        return new Verification(department, end, true, null, null, previous);
    }

    /**
     * @param headHash the last entry's hash: written down elsewhere from time to time, it also shows a chain rewritten
     *                 from the start
     */
    record Verification(String department, long entries, boolean intact, Long brokenAt, String problem,
            String headHash) {
    }

    private AuditEntry entry(String department, long seq) {
        Document found = mongo.findById(key(department, seq), Document.class, ENTRIES);
        return found == null ? null : entry(found);
    }

    private Map<Long, AuditEntry> entries(String department, long from, long to) {
        List<Document> keys = LongStream.rangeClosed(from, to).mapToObj(seq -> key(department, seq)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, ENTRIES).stream()
                .map(AuditTrail::entry).collect(Collectors.toMap(AuditEntry::seq, Function.identity()));
    }

    private static Document key(String department, long seq) {
        return new Document("d", department).append("s", seq);
    }

    private static Document document(AuditEntry entry) {
        return new Document("_id", key(entry.department(), entry.seq())).append("at", Date.from(entry.at()))
                .append("actor", entry.actor()).append("roles", entry.roles()).append("action", entry.action())
                .append("status", entry.status()).append("taskId", entry.taskId()).append("caseId", entry.caseId())
                .append("previousHash", entry.previousHash()).append("hash", entry.hash());
    }

    private static AuditEntry entry(Document stored) {
        Document key = stored.get("_id", Document.class);
        return new AuditEntry(key.getString("d"), key.get("s", Number.class).longValue(),
                stored.getDate("at").toInstant(), stored.getString("actor"), stored.getString("roles"),
                stored.getString("action"), stored.getInteger("status"), stored.getString("taskId"),
                stored.getString("caseId"), stored.getString("previousHash"), stored.getString("hash"));
    }
}
