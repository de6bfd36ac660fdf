package dk.servicepuls.embeddedstore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AcknowledgedWritesSurviveAKilledProcessTests {

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedWriteIsInTheFileAfterKillMinusNine() throws Exception {
        Path file = this.directory.resolve("store.mv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AcknowledgingWriter.class.getName(), file.toString(), "200", "1000")
                .redirectErrorStream(true).start();
        AtomicReference<String> ack = new AtomicReference<>();
        Thread reader = new Thread(() -> readAck(writer, ack), "writer-output");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> ack.get() != null || !writer.isAlive());
            assertThat(ack.get()).as("the writer acknowledged its writes").isEqualTo(AcknowledgingWriter.ACK + 1199);
        }
        finally {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
        }

        FileStoreBackend backend = FileStoreBackend.open(file, ScanGuard.recording());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> events = client.getDatabase("app").getCollection("events");
            assertThat(events.countDocuments(Filters.regex("_id", "^single-"))).isEqualTo(200);
            assertThat(events.countDocuments(Filters.regex("_id", "^batch-"))).isEqualTo(999);
            assertThat(events.find(Filters.eq("_id", "single-0")).first()).containsEntry("version", 1);
            assertThat(events.find(Filters.eq("_id", "batch-0")).first()).isNull();
            assertThat(events.countDocuments(Filters.regex("_id", "^grouped-"))).as("unjournaled, then fsync")
                    .isEqualTo(AcknowledgingWriter.GROUPED);
        }
        finally {
            server.shutdownNow();
            backend.close();
        }
    }

    private static void readAck(Process writer, AtomicReference<String> ack) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(AcknowledgingWriter.ACK)) {
                    ack.set(line);
                }
            }
        }
        catch (java.io.IOException ex) {
            // the process was killed: nothing more to read
        }
    }

}
