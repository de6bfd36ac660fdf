package dk.servicepuls.embeddedstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FileHousekeepingTests {

    @TempDir
    Path directory;

    /**
     * Each update is a command and a commit, and each commit writes a chunk of at least one 4 KB block. Kept for
     * MVStore's default 45 s, the chunks of these updates alone would take more than 16 MB; freed and compacted,
     * the file stays a small multiple of its live data.
     */
    @Test
    void manySmallCommitsDoNotGrowTheFileWithoutBound() throws Exception {
        int updates = 4_000;
        try (RunningStore store = RunningStore.of("file", this.directory)) {
            MongoCollection<Document> cases = store.database().getCollection("cases");
            for (int i = 0; i < 200; i++) {
                cases.insertOne(new Document("_id", "case-" + i).append("version", 0).append("notes", "x".repeat(500)));
            }
            for (int i = 0; i < updates; i++) {
                cases.updateOne(Filters.eq("_id", "case-" + (i % 200)), Updates.inc("version", 1));
            }
            // housekeeping runs with commits: keep committing until the dead chunks are past their retention
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
                cases.updateOne(Filters.eq("_id", "case-0"), Updates.inc("version", 1));
                return Files.size(this.directory.resolve("store.mv")) < 8L * 1024 * 1024;
            });
            assertThat(cases.find(Filters.eq("_id", "case-7")).first()).containsEntry("version", updates / 200);
        }
    }

    /** The passes come with commits; a store that nobody writes to any more must still get its file back down. */
    @Test
    void theFileShrinksWhileNothingIsWritten() throws Exception {
        try (RunningStore store = RunningStore.of("file", this.directory)) {
            MongoCollection<Document> cases = store.database().getCollection("cases");
            for (int i = 0; i < 200; i++) {
                cases.insertOne(new Document("_id", "case-" + i).append("version", 0).append("notes", "x".repeat(500)));
            }
            for (int i = 0; i < 4_000; i++) {
                cases.updateOne(Filters.eq("_id", "case-" + (i % 200)), Updates.inc("version", 1));
            }
            long written = Files.size(this.directory.resolve("store.mv"));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Files.size(this.directory.resolve("store.mv")) < written / 2);
            assertThat(cases.find(Filters.eq("_id", "case-7")).first()).containsEntry("version", 20);
        }
    }

}
