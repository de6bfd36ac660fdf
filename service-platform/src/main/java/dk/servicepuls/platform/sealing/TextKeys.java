package dk.servicepuls.platform.sealing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.kafka.DurableProducers;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import dk.servicepuls.platform.store.InsertOnce;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The text keys of the cases this service publishes texts of ({@code text_keys}: one document per case, keyed
 * {@code department:caseId}, holding the key's id and the key). A batch's keys are found in one read, and those
 * missing are made, published and stored in one burst and one write. A key is on {@code privacy.text-keys} before it
 * is stored, and so before any text is sealed with it: a reader that reads that topic to its end finds every key a
 * published text needs, unless it was destroyed. Destroying a case's key publishes its tombstone and then forgets it.
 */
public class TextKeys {

    public static final String COLLECTION = "text_keys";
    static final Duration CACHED_FOR = Duration.ofMinutes(10);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KeyWrapping wrapping;
    private final Duration publishTimeout;
    private final Clock clock;
    private static final int ATTEMPTS = 3;

    private final AtomicLong destructions = new AtomicLong();
    private final Cache<String, TextKey> cached = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(CACHED_FOR).build();

    /** @param kafka a producer whose acknowledgement means durable (acks=all) */
    public TextKeys(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, Pseudonymiser secret,
            Duration publishTimeout, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.wrapping = KeyWrapping.of(secret);
        this.publishTimeout = publishTimeout;
        this.clock = clock;
    }

    /** Keys published by a producer of their own, whose acknowledgement means durable, on Boot's Kafka settings. */
    public static TextKeys on(MongoTemplate mongo, KafkaProperties kafka, Pseudonymiser secret, Duration publishTimeout,
            Clock clock) {
        return new TextKeys(mongo, DurableProducers.forCloudEvents(kafka, publishTimeout), secret, publishTimeout, clock);
    }

    /**
     * The key of each case, made where the case has none yet: one store read for those not cached, and for new ones
     * one wait for Kafka and one write.
     *
     * @throws TextKeysUnavailableException when Kafka did not take the new keys in time: seal nothing then
     */
    public Map<CaseRef, TextKey> keysFor(Collection<CaseRef> cases) {
        Map<CaseRef, TextKey> keys = new HashMap<>();
        List<CaseRef> wanted = List.copyOf(new LinkedHashSet<>(cases));
        for (int attempt = 0; attempt < ATTEMPTS && keys.size() < wanted.size(); attempt++) {
            keys.putAll(keysOf(wanted.stream().filter(ref -> !keys.containsKey(ref)).toList()));
        }
        if (keys.size() < wanted.size()) {
            // never a text without its key: the caller fails and is tried again rather than publish it unsealed
            throw new TextKeysUnavailableException("The keys of " + (wanted.size() - keys.size())
                    + " cases were destroyed while they were made, " + ATTEMPTS + " times", null);
        }
        return keys;
    }

    /**
     * One round: a key of another instance that won the race to store a case's key can be destroyed before it is
     * read back, and then that case has none yet.
     */
    private Map<CaseRef, TextKey> keysOf(List<CaseRef> cases) {
        long destroyedBefore = destructions.get();
        Map<CaseRef, TextKey> keys = new HashMap<>();
        Map<String, CaseRef> missing = new LinkedHashMap<>();
        for (CaseRef ref : cases) {
            String storeKey = ref.storeKey();
            TextKey known = cached.getIfPresent(storeKey);
            if (known != null) {
                keys.put(ref, known);
            }
            else {
                missing.put(storeKey, ref);
            }
        }
        if (missing.isEmpty()) {
            return keys;
        }
        Map<String, TextKey> stored = stored(missing.keySet());
        Map<String, TextKey> made = new LinkedHashMap<>();
        missing.keySet().stream().filter(storeKey -> !stored.containsKey(storeKey))
                .forEach(storeKey -> made.put(storeKey, TextKey.random()));
        stored.putAll(storeMade(made));
        // a key read while this instance destroyed keys may be one of them: used once, it is not kept
        boolean keep = destructions.get() == destroyedBefore;
        stored.forEach((storeKey, key) -> {
            if (keep) {
                cached.put(storeKey, key);
            }
            keys.put(missing.get(storeKey), key);
        });
        return keys;
    }

    /** The key of one case. */
    public TextKey keyFor(CaseRef ref) {
        return keysFor(List.of(ref)).get(ref);
    }

    /**
     * Destroys the keys of the cases: their tombstones go on the topic first and then the keys are forgotten, so a
     * crash in between leaves the keys to be destroyed again by the retry.
     *
     * @return how many keys were destroyed
     */
    public long destroy(String department, Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return 0;
        }
        List<String> storeKeys = caseIds.stream().map(caseId -> new CaseRef(department, caseId).storeKey()).distinct()
                .toList();
        destructions.incrementAndGet();
        Map<String, TextKey> keys = stored(storeKeys);
        cached.invalidateAll(storeKeys);
        if (keys.isEmpty()) {
            return 0;
        }
        awaitAll(keys.values().stream().<CompletableFuture<?>>map(key -> send(key.id(), null)).toList(), keys.size());
        return mongo.remove(Query.query(Criteria.where("_id").in(keys.keySet())), COLLECTION).getDeletedCount();
    }

    /**
     * Publishes and stores the keys made; where another instance stored a key for the same case meanwhile, that one
     * is kept and ours is destroyed again (it sealed nothing).
     */
    private Map<String, TextKey> storeMade(Map<String, TextKey> made) {
        if (made.isEmpty()) {
            return Map.of();
        }
        awaitAll(made.values().stream().<CompletableFuture<?>>map(key -> send(key.id(), wrapping.wrap(key))).toList(),
                made.size());
        List<String> storeKeys = new ArrayList<>(made.keySet());
        List<Document> documents = storeKeys.stream().map(storeKey -> new Document("_id", storeKey)
                .append("keyId", made.get(storeKey).id()).append("key", new Binary(made.get(storeKey).bytes()))
                .append("since", Date.from(clock.instant()))).toList();
        InsertOnce.Result inserted = InsertOnce.insert(mongo.getCollection(COLLECTION), documents);
        if (inserted.failure() != null) {
            throw inserted.failure();
        }
        Map<String, TextKey> kept = new HashMap<>();
        inserted.storedOf(storeKeys).forEach(storeKey -> kept.put(storeKey, made.get(storeKey)));
        if (kept.size() < made.size()) {
            List<String> lost = storeKeys.stream().filter(storeKey -> !kept.containsKey(storeKey)).toList();
            kept.putAll(stored(lost));
            lost.forEach(storeKey -> send(made.get(storeKey).id(), null));
        }
        return kept;
    }

    private Map<String, TextKey> stored(Collection<String> storeKeys) {
        Map<String, TextKey> found = new HashMap<>();
        mongo.getCollection(COLLECTION).find(new Document("_id", new Document("$in", List.copyOf(storeKeys))))
                .forEach(document -> found.put(document.getString("_id"), new TextKey(document.getString("keyId"),
                        document.get("key", Binary.class).getData())));
        return found;
    }

    private CompletableFuture<?> send(String keyId, byte[] wrapped) {
        try {
            return kafka.send(Topics.PRIVACY_TEXT_KEYS, keyId, wrapped);
        }
        catch (RuntimeException refusedAtOnce) {
            return CompletableFuture.failedFuture(refusedAtOnce);
        }
    }

    private void awaitAll(List<CompletableFuture<?>> sends, int keys) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new TextKeysUnavailableException(keys + " new text keys not on Kafka", stop);
        }
        catch (ExecutionException failed) {
            throw new TextKeysUnavailableException(keys + " new text keys not on Kafka", failed.getCause());
        }
        catch (TimeoutException late) {
            throw new TextKeysUnavailableException(keys + " new text keys not on Kafka", late);
        }
    }
}
