package dk.servicepuls.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreEventsTests {

    @Test
    void aJfrRecordingHoldsEachWriteByCollectionWithItsDocumentsAndEachCommit(@TempDir Path directory) throws Exception {
        List<RecordedEvent> events = new ArrayList<>();
        try (Recording recording = new Recording()) {
            recording.enable(StoreWriteEvent.NAME);
            recording.enable(StoreCommitEvent.NAME);
            recording.start();
            try (RunningStore store = RunningStore.of("file", directory)) {
                MongoCollection<Document> things = store.database().getCollection("things");
                things.insertMany(List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3)));
                things.updateOne(Filters.eq("_id", 2), Updates.set("seen", true));
                things.find(Filters.eq("_id", 2)).first();
            }
            recording.stop();
            Path file = directory.resolve("store.jfr");
            recording.dump(file);
            events.addAll(RecordingFile.readAllEvents(file));
        }

        List<RecordedEvent> writes = events.stream()
                .filter(event -> event.getEventType().getName().equals(StoreWriteEvent.NAME)
                        && "things".equals(event.getString("collection")))
                .toList();
        assertThat(writes).extracting(event -> event.getString("command") + " " + event.getInt("documents"))
                .containsExactly("insert 3", "update 1");
        assertThat(writes).allSatisfy(event -> assertThat(event.getString("database")).isEqualTo("it"));
        assertThat(events).filteredOn(event -> event.getEventType().getName().equals(StoreCommitEvent.NAME))
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
