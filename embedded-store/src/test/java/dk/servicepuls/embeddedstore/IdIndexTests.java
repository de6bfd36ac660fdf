package dk.servicepuls.embeddedstore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdIndexTests {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = { "memory", "file" })
    void numberAndNullIdsAreOneKeyByValueAsInMongoDb(String kind) {
        try (RunningStore store = RunningStore.of(kind, this.directory)) {
            MongoCollection<Document> things = store.database().getCollection("things");
            things.insertOne(new Document("_id", 1).append("n", "int"));
            things.insertOne(new Document("_id", new Document("part", 2).append("of", "a")).append("n", "document"));
            things.insertOne(new Document("_id", null).append("n", "null"));

            assertThatThrownBy(() -> things.insertOne(new Document("_id", 1.0))).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> things.insertOne(new Document("_id", 1L))).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> things.insertOne(new Document("_id", new Document("part", 2.0).append("of", "a"))))
                    .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> things.insertOne(new Document("_id", null))).hasMessageContaining("duplicate key");
            assertThat(things.find(Filters.eq("_id", 1L)).first()).containsEntry("n", "int");
            assertThat(things.find(Filters.in("_id", 1.0, new Document("part", 2L).append("of", "a"))).into(new ArrayList<>()))
                    .extracting(found -> found.getString("n")).containsExactlyInAnyOrder("int", "document");
            assertThat(things.updateOne(Filters.eq("_id", 1.0), Updates.set("seen", true)).getModifiedCount()).isOne();

            assertThat(things.deleteOne(Filters.eq("_id", 1.0)).getDeletedCount()).isOne();
            things.insertOne(new Document("_id", 1L).append("n", "long"));
            assertThat(things.find(Filters.eq("_id", 1)).first()).containsEntry("n", "long");
            assertThat(things.countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void aNumberIdIsStillOneKeyByValueAfterARestart() {
        try (RunningStore store = RunningStore.of("file", this.directory)) {
            store.database().getCollection("things").insertOne(new Document("_id", 7).append("n", "seven"));
        }
        try (RunningStore store = RunningStore.of("file", this.directory)) {
            MongoCollection<Document> things = store.database().getCollection("things");
            assertThat(things.find(Filters.eq("_id", 7.0)).first()).containsEntry("n", "seven");
            assertThatThrownBy(() -> things.insertOne(new Document("_id", 7L))).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void aDroppedCollectionLeavesNoIdBehind() {
        try (RunningStore store = RunningStore.of("file", this.directory)) {
            store.database().getCollection("things").insertMany(
                    List.of(new Document("_id", 1).append("n", "old"), new Document("_id", "a").append("n", "old")));
            store.database().getCollection("things").drop();

            MongoCollection<Document> things = store.database().getCollection("things");
            assertThat(things.find(Filters.eq("_id", 1)).first()).isNull();
            things.insertMany(List.of(new Document("_id", 1.0).append("n", "new"), new Document("_id", "a").append("n", "new")));
            assertThat(things.find(Filters.in("_id", 1, "a")).into(new ArrayList<>()))
                    .extracting(found -> found.getString("n")).containsExactly("new", "new");
        }
    }

    @Test
    void stringAndDocumentIdsAreKeptOnlyWithTheirDocumentsAndStayUnique() {
        List<Document> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(new Document("_id", new Document("source", "urn:a").append("id", UUID.randomUUID().toString()))
                    .append("n", i));
        }
        try (RunningStore store = RunningStore.of("file", this.directory)) {
            MongoCollection<Document> collection = store.database().getCollection("events");
            collection.insertMany(events.subList(0, 900));
            store.database().getCollection("cases").insertOne(new Document("_id", "case-1"));

            // ordered: what comes before the repeat is stored, what comes after is not
            List<Document> withRepeat = new ArrayList<>(events.subList(900, 950));
            withRepeat.add(events.get(3));
            withRepeat.addAll(events.subList(950, 1000));
            assertThatThrownBy(() -> collection.insertMany(withRepeat)).isInstanceOf(MongoBulkWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> store.database().getCollection("cases").insertOne(new Document("_id", "case-1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(collection.countDocuments()).isEqualTo(950);
            assertThat(collection.find(Filters.eq("_id", events.get(949).get("_id"))).first()).containsEntry("n", 949);
            assertThat(collection.find(Filters.eq("_id", events.get(950).get("_id"))).first()).isNull();
        }

        MVStore file = new MVStore.Builder().fileName(this.directory.resolve("store.mv").toString()).readOnly().open();
        try {
            assertThat(file.getMapNames()).contains("keyed-index.it.events._index__id_");
            assertThat(file.openMap("keyed-index.it.events._index__id_").size()).isZero();
            assertThat(file.openMap("keyed-data.it.events", new MVMap.Builder<Object, StoredDocument>()
                    .keyType(StoredKeyType.INSTANCE).valueType(StoredDocumentType.INSTANCE)).size()).isEqualTo(950);
        }
        finally {
            file.close();
        }
    }
}
