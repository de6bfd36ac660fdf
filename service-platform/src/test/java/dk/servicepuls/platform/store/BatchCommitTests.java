package dk.servicepuls.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import dk.servicepuls.embeddedstore.FileStoreBackend;
import dk.servicepuls.embeddedstore.ScanGuard;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Against the embedded file store, whose commits show whether a write was made durable on its own. */
class BatchCommitTests {

    @TempDir
    Path directory;

    FileStoreBackend backend;
    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;

    @BeforeEach
    void open() {
        backend = FileStoreBackend.open(directory.resolve("store.mv"), ScanGuard.recording());
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "app");
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchsWritesAreCommittedTogetherAtItsEnd() {
        BatchCommit commit = new BatchCommit(mongo, new StoreProperties(true));
        AtomicBoolean uncommittedInside = new AtomicBoolean();

        commit.of(() -> {
            mongo.insert(new Document("_id", "a"), "events");
            mongo.upsert(Query.query(Criteria.where("_id").is("b")), new Update().set("v", 1), "events");
            uncommittedInside.set(backend.getMvStore().hasUnsavedChanges());
        });

        assertThat(uncommittedInside).as("not committed write by write").isTrue();
        assertThat(backend.getMvStore().hasUnsavedChanges()).as("committed at the end").isFalse();
        assertThat(mongo.findById("b", Document.class, "events")).containsEntry("v", 1);
    }

    @Test
    void aBatchThatFailsHalfwayStillCommitsWhatItWrote() {
        BatchCommit commit = new BatchCommit(mongo, new StoreProperties(true));

        assertThatThrownBy(() -> commit.of(() -> {
            mongo.insert(new Document("_id", "a"), "events");
            throw new IllegalStateException("the second record is broken");
        })).hasMessageContaining("second record");

        assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
    }

    @Test
    void writesOutsideABatchAreCommittedEachOnItsOwn() {
        new BatchCommit(mongo, new StoreProperties(true));

        mongo.insert(new Document("_id", "a"), "events");

        assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
    }

    @Test
    void switchedOffEveryWriteIsCommittedOnItsOwn() {
        BatchCommit commit = new BatchCommit(mongo, new StoreProperties(false));
        AtomicBoolean uncommittedInside = new AtomicBoolean(true);

        commit.of(() -> {
            mongo.insert(new Document("_id", "a"), "events");
            uncommittedInside.set(backend.getMvStore().hasUnsavedChanges());
        });

        assertThat(uncommittedInside).isFalse();
    }
}
