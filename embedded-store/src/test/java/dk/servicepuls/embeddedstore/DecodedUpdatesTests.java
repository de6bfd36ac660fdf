package dk.servicepuls.embeddedstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store updates the documents it decoded for a command without the library's copies of them; the memory
 * store updates them the library's own way. Both must answer every kind of update alike, in counts, errors and the
 * documents they leave, field order included.
 */
class DecodedUpdatesTests {

    @TempDir
    Path directory;

    @Test
    void thePinnedLibraryLetsTheStoreComputeUpdatesWithoutCopies() {
        assertThat(DecodedUpdates.available()).isTrue();
        assertThat(DecodedUpdates.canMake(setting("a.b"))).isTrue();
        assertThat(DecodedUpdates.canMake(setting("facts.$"))).isFalse();
        assertThat(DecodedUpdates.canMake(setting("items.$[i].done"))).isFalse();
    }

    private static de.bwaldvogel.mongo.bson.Document setting(String path) {
        return new de.bwaldvogel.mongo.bson.Document("$set", new de.bwaldvogel.mongo.bson.Document(path, 1));
    }

    @Test
    void everyKindOfUpdateAnswersAndLeavesTheDocumentsAsTheLibrarysOwnUpdate() {
        Map<String, String> fromFile;
        Map<String, String> fromMemory;
        try (RunningStore file = RunningStore.of("file", this.directory);
                RunningStore memory = RunningStore.of("memory", this.directory)) {
            fromFile = run(file.database().getCollection("cases"));
            fromMemory = run(memory.database().getCollection("cases"));
        }

        assertThat(fromFile).isEqualTo(fromMemory);
        assertThat(fromFile).containsEntry("set a field", "matched 1, modified 1")
                .containsEntry("set the same value", "matched 1, modified 0")
                .containsEntry("set 1 as 1.0", "matched 1, modified 0")
                .containsEntry("duplicate key", "error 11000")
                .containsEntry("upsert of a new case", "matched 0, modified 0, upserted case-new");
    }

    /** Runs every update, noting each answer and, at the end, every document as JSON (which keeps field order). */
    private static Map<String, String> run(MongoCollection<Document> cases) {
        cases.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            documents.add(new Document("_id", "case-" + i).append("code", "c" + i).append("version", 1)
                    .append("status", "open").append("facts", new ArrayList<>(List.of("opened", "called")))
                    .append("party", new Document("kind", "citizen").append("visits", 2))
                    .append("tags", new ArrayList<>(List.of(1, 2, 3))));
        }
        cases.insertMany(documents);
        Map<String, String> answers = new LinkedHashMap<>();
        answer(answers, "set a field", () -> cases.updateOne(eq("_id", "case-0"), Updates.set("status", "closed")));
        answer(answers, "set the same value", () -> cases.updateOne(eq("_id", "case-1"), Updates.set("status", "open")));
        answer(answers, "set 1 as 1.0", () -> cases.updateOne(eq("_id", "case-2"), Updates.set("version", 1.0)));
        answer(answers, "inc, push and a nested set", () -> cases.updateOne(eq("_id", "case-3"), Updates.combine(
                Updates.inc("version", 1), Updates.pushEach("facts", List.of("decided", "appealed")),
                Updates.set("party.kind", "business"), Updates.set("added", new Document("at", 5)))));
        answer(answers, "unset, rename, pull, addToSet, max", () -> cases.updateOne(eq("_id", "case-4"),
                Updates.combine(Updates.unset("status"), Updates.rename("code", "formerCode"),
                        Updates.pull("facts", "opened"), Updates.addToSet("tags", 3), Updates.max("version", 7))));
        answer(answers, "versioned update that matches", () -> cases.updateOne(
                Filters.and(eq("_id", "case-5"), eq("version", 1)), Updates.inc("version", 1)));
        answer(answers, "versioned update that misses", () -> cases.updateOne(
                Filters.and(eq("_id", "case-5"), eq("version", 1)), Updates.inc("version", 1)));
        answer(answers, "many", () -> cases.updateMany(in("_id", "case-6", "case-7", "case-8"),
                Updates.set("status", "bulk")));
        answer(answers, "many, some unchanged", () -> cases.updateMany(in("_id", "case-6", "case-9"),
                Updates.set("status", "bulk")));
        answer(answers, "an indexed field changed", () -> cases.updateOne(eq("_id", "case-10"),
                Updates.set("code", "c10-new")));
        answer(answers, "duplicate key", () -> cases.updateOne(eq("_id", "case-11"), Updates.set("code", "c12")));
        answer(answers, "replace, fields reordered", () -> cases.replaceOne(eq("_id", "case-13"),
                new Document("status", "replaced").append("code", "c13").append("version", 2)));
        answer(answers, "replace with the same", () -> cases.replaceOne(eq("_id", "case-14"),
                new Document("code", "c14").append("version", 1).append("status", "open")
                        .append("facts", List.of("opened", "called"))
                        .append("party", new Document("kind", "citizen").append("visits", 2))
                        .append("tags", List.of(1, 2, 3))));
        answer(answers, "positional", () -> cases.updateOne(Filters.and(eq("_id", "case-15"), eq("facts", "called")),
                Updates.set("facts.$", "phoned")));
        answer(answers, "upsert of a new case", () -> cases.updateOne(eq("_id", "case-new"),
                Updates.combine(Updates.setOnInsert("code", "c-new"), Updates.inc("version", 1)),
                new UpdateOptions().upsert(true)));
        answer(answers, "upsert of a stored case", () -> cases.updateOne(eq("_id", "case-16"),
                Updates.combine(Updates.setOnInsert("code", "never"), Updates.inc("version", 1)),
                new UpdateOptions().upsert(true)));
        answer(answers, "replace as upsert", () -> cases.replaceOne(eq("_id", "case-17"),
                new Document("code", "c17").append("status", "again"), new ReplaceOptions().upsert(true)));
        answer(answers, "nothing found", () -> cases.updateOne(eq("_id", "case-none"), Updates.set("status", "x")));
        for (Document document : cases.find().sort(new Document("_id", 1))) {
            answers.put(document.getString("_id"), document.toJson());
        }
        List<String> byCode = cases.find(in("code", "c10", "c10-new", "c11", "c12"))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
        answers.put("found by the unique index", byCode.toString());
        return answers;
    }

    private static void answer(Map<String, String> answers, String name, Supplier<UpdateResult> update) {
        answers.put(name, describe(update, result -> "matched " + result.getMatchedCount() + ", modified "
                + result.getModifiedCount()
                + (result.getUpsertedId() == null ? "" : ", upserted " + result.getUpsertedId().asString().getValue())));
    }

    private static String describe(Supplier<UpdateResult> update,
            Function<UpdateResult, String> description) {
        try {
            return description.apply(update.get());
        }
        catch (MongoException e) {
            return "error " + e.getCode();
        }
    }
}
