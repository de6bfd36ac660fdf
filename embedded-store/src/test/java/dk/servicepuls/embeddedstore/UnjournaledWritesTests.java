package dk.servicepuls.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that asks for no journal waits for the next commit; fsync, or any ordinary write, is that commit. Nothing
 * else commits: not MVStore itself, however much is unsaved.
 */
class UnjournaledWritesTests {

    @TempDir
    Path directory;

    FileStoreBackend backend;
    MongoServer server;
    MongoClient client;
    MongoCollection<Document> events;

    @BeforeEach
    void open() {
        backend = FileStoreBackend.open(directory.resolve("store.mv"), ScanGuard.recording());
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        events = client.getDatabase("app").getCollection("events");
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anUnjournaledWriteIsAcknowledgedWithoutACommit() {
        events.withWriteConcern(WriteConcern.W1.withJournal(false)).insertOne(new Document("_id", "a"));

        assertThat(backend.getMvStore().hasUnsavedChanges()).isTrue();
        assertThat(events.find(new Document("_id", "a")).first()).as("readable at once").isNotNull();
    }

    @Test
    void fsyncCommitsWhatUnjournaledWritesLeft() {
        MongoCollection<Document> unjournaled = events.withWriteConcern(WriteConcern.W1.withJournal(false));
        unjournaled.insertOne(new Document("_id", "a"));
        unjournaled.updateOne(new Document("_id", "a"), new Document("$set", new Document("v", 1)));

        Document answer = client.getDatabase("app").runCommand(new Document("fsync", 1));

        assertThat(answer.get("ok")).isEqualTo(1.0);
        assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
    }

    @Test
    void anOrdinaryWriteCommitsTheUnjournaledOnesBeforeIt() {
        events.withWriteConcern(WriteConcern.W1.withJournal(false)).insertOne(new Document("_id", "a"));

        events.insertOne(new Document("_id", "b"));

        assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
    }

    @Test
    void unjournaledWritesFarBeyondMVStoresWriteBufferAreStillNotCommittedUntilAsked() {
        MongoCollection<Document> unjournaled = events.withWriteConcern(WriteConcern.W1.withJournal(false));
        long version = backend.getMvStore().getCurrentVersion();
        String text = "x".repeat(4_000);
        // about 40 MB of documents: MVStore would commit on its own, from inside a write, past its 19 MB default
        for (int batch = 0; batch < 100; batch++) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                documents.add(new Document("_id", batch * 100 + i).append("text", text));
            }
            unjournaled.insertMany(documents);
        }

        assertThat(backend.getMvStore().getCurrentVersion()).as("no commit halfway through a command").isEqualTo(version);
        assertThat(backend.getMvStore().hasUnsavedChanges()).isTrue();
    }
}
