package dk.servicepuls.embeddedstore;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded store's side of writes a client makes durable in groups: a write command whose write concern says
 * {@code j: false} is not committed on its own, and the {@code fsync} command commits everything acknowledged so
 * far (on any database; real MongoDB takes it on {@code admin} only, and flushes its data files).
 */
final class Unjournaled {

    private Unjournaled() {
    }

    static boolean asked(Document command) {
        return command != null && command.get("writeConcern") instanceof Document concern
                && Boolean.FALSE.equals(concern.get("j"));
    }

    static boolean isFsync(String command) {
        return "fsync".equalsIgnoreCase(command);
    }

    static Document fsyncAnswer() {
        return new Document("numFiles", 1).append("ok", 1.0);
    }
}
