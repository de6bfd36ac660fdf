package dk.servicepuls.embeddedstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library updates a stored document in place and puts the same object again, so anything that kept a
 * document's encoding beside it (tried, to spare a commit re-encoding a page's unchanged documents) would write its
 * old bytes to the file. Every kind of update here, on documents that share pages, must read back the same from
 * the file as the running store answered.
 */
class StoredUpdatesReadBackTests {

    @TempDir
    Path directory;

    @Test
    void everyKindOfUpdateReadsBackFromTheFileAsTheRunningStoreAnsweredIt() {
        Map<Object, Document> answered;
        try (RunningStore store = RunningStore.of("file", this.directory)) {
            MongoCollection<Document> cases = store.database().getCollection("cases");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                documents.add(new Document("_id", "case-" + i).append("version", 0).append("status", "open")
                        .append("facts", new ArrayList<>(List.of("opened"))).append("party",
                                new Document("ref", "p-" + i).append("kind", "citizen"))
                        .append("note", "x".repeat(200)));
            }
            cases.insertMany(documents);
            for (int round = 1; round <= 3; round++) {
                for (int i = 0; i < 300; i += 7) {
                    cases.updateOne(eq("_id", "case-" + i), Updates.combine(Updates.inc("version", 1),
                            Updates.push("facts", "round-" + round), Updates.set("party.kind", "business-" + round)));
                }
                cases.updateMany(in("_id", "case-1", "case-2", "case-3"), Updates.unset("note"));
                cases.findOneAndUpdate(eq("_id", "case-4"), Updates.pull("facts", "opened"),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                List<WriteModel<Document>> bulk = new ArrayList<>();
                for (int i = 10; i < 300; i += 11) {
                    bulk.add(new UpdateOneModel<>(eq("_id", "case-" + i), Updates.addToSet("facts", "bulk-" + round)));
                }
                bulk.add(new ReplaceOneModel<>(eq("_id", "case-5"), new Document("status", "replaced-" + round)));
                cases.bulkWrite(bulk);
                cases.deleteOne(eq("_id", "case-" + (200 + round)));
                // reads between the writes: a page read for an answer is then written with the next change
                cases.find(in("_id", "case-0", "case-7", "case-150")).into(new ArrayList<>());
            }
            answered = all(cases);
        }

        try (RunningStore reopened = RunningStore.of("file", this.directory)) {
            Map<Object, Document> fromFile = all(reopened.database().getCollection("cases"));

            assertThat(fromFile).hasSize(297).isEqualTo(answered);
            assertThat(fromFile.get("case-7").getList("facts", String.class))
                    .containsExactly("opened", "round-1", "round-2", "round-3");
            assertThat(fromFile.get("case-5")).containsEntry("status", "replaced-3");
        }
    }

    private static Map<Object, Document> all(MongoCollection<Document> collection) {
        Map<Object, Document> documents = new TreeMap<>();
        collection.find().forEach(document -> documents.put(document.get("_id"), document));
        return documents;
    }
}
