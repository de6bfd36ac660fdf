package dk.servicepuls.embeddedstore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegacyStoreFileTests {

    @TempDir
    Path directory;

    @Test
    void aFileWrittenByThePlainH2BackendOpensWithItsDocumentsKeysAndIndexesAndTakesNewWrites() {
        Path file = this.directory.resolve("store.mv");
        H2Backend plain = new H2Backend(file.toString());
        MongoServer plainServer = new MongoServer(plain);
        try (MongoClient client = MongoClients.create(plainServer.bindAndGetConnectionString())) {
            MongoCollection<Document> cases = client.getDatabase("app").getCollection("cases");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                documents.add(new Document("_id", "case-" + i).append("number", i).append("version", 0)
                        .append("person", new Document("name", "n" + i).append("tags", List.of("a", "b"))));
            }
            cases.insertMany(documents);
            cases.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            client.getDatabase("app").getCollection("events").insertMany(List.of(
                    new Document("_id", new Document("source", "urn:a").append("id", "1")).append("n", 1),
                    new Document("_id", new Document("source", "urn:a").append("id", "2")).append("n", 2)));
            client.getDatabase("app").getCollection("numbered").insertMany(List.of(new Document("_id", 5).append("n", 5),
                    new Document("_id", new Document("page", 1)).append("n", 1)));
        }
        finally {
            plainServer.shutdownNow();
            plain.close();
        }

        ScanGuard guard = ScanGuard.recording();
        reopen(file, guard, cases -> {
            assertThat(cases.countDocuments(Filters.eq("_id", "case-7"))).isOne();
            Document found = cases.find(Filters.and(Filters.eq("_id", "case-7"), Filters.eq("version", 0))).first();
            assertThat(found).containsEntry("number", 7).containsEntry("person",
                    new Document("name", "n7").append("tags", List.of("a", "b")));
            assertThat(cases.updateOne(Filters.and(Filters.eq("_id", "case-7"), Filters.eq("version", 0)),
                    Updates.set("version", 1)).getModifiedCount()).isOne();
            cases.insertOne(new Document("_id", "case-new").append("number", 1000));
            assertThat(cases.find(Filters.eq("number", 499)).first()).containsEntry("_id", "case-499");
        });
        assertThat(guard.scans()).isEmpty();

        reopen(file, guard, cases -> {
            assertThat(cases.estimatedDocumentCount()).isEqualTo(501);
            assertThat(cases.find(Filters.eq("_id", "case-7")).first()).containsEntry("version", 1);
            assertThat(cases.find(Filters.eq("_id", "case-new")).first()).containsEntry("number", 1000);
            assertThat(cases.find(Filters.eq("_id", "case-300")).first()).containsEntry("number", 300);
        });
        reopenDatabase(file, guard, app -> {
            MongoCollection<Document> events = app.getCollection("events");
            assertThat(events.find(Filters.eq("_id", new Document("source", "urn:a").append("id", "2"))).first())
                    .containsEntry("n", 2);
            events.insertOne(new Document("_id", new Document("source", "urn:a").append("id", "3")));
            assertThat(events.countDocuments()).isEqualTo(3);
            assertThatThrownBy(() -> events.insertOne(new Document("_id", new Document("source", "urn:a").append("id", "1"))))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");

            // a number is one _id by value (5 = 5L = 5.0), which the data map's keys alone do not give
            MongoCollection<Document> numbered = app.getCollection("numbered");
            assertThat(numbered.find(Filters.eq("_id", 5.0)).first()).containsEntry("n", 5);
            assertThat(numbered.find(Filters.eq("_id", new Document("page", 1L))).first()).containsEntry("n", 1);
            assertThatThrownBy(() -> numbered.insertOne(new Document("_id", 5L)))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    private static void reopen(Path file, ScanGuard guard,
            java.util.function.Consumer<MongoCollection<Document>> check) {
        reopenDatabase(file, guard, app -> check.accept(app.getCollection("cases")));
    }

    private static void reopenDatabase(Path file, ScanGuard guard,
            java.util.function.Consumer<com.mongodb.client.MongoDatabase> check) {
        FileStoreBackend backend = FileStoreBackend.open(file, guard);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            check.accept(client.getDatabase("app"));
        }
        finally {
            server.shutdownNow();
            backend.close();
        }
    }

}
