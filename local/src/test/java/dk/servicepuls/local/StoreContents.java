package dk.servicepuls.local;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** What the local mode's store holds, read through the wire protocol as any client would. */
final class StoreContents {

    private StoreContents() {
    }

    /**
     * Every document, in the databases whose name holds {@code database} ("" for all), whose JSON holds one of the
     * texts, named by database, collection and the text found.
     */
    static List<String> documentsHolding(MongoClient store, String database, List<String> texts) {
        List<String> found = new ArrayList<>();
        for (String name : store.listDatabaseNames()) {
            if (!name.contains(database)) {
                continue;
            }
            MongoDatabase db = store.getDatabase(name);
            for (String collection : db.listCollectionNames()) {
                for (Document document : db.getCollection(collection).find()) {
                    String written = document.toJson();
                    texts.stream().filter(written::contains).findFirst()
                            .ifPresent(text -> found.add(name + "." + collection + " holds " + text + ": " + written));
                }
            }
        }
        return found;
    }

    /** Every document of the collection in the databases whose name holds {@code database}. */
    static List<Document> documents(MongoClient store, String database, String collection) {
        List<Document> found = new ArrayList<>();
        for (String name : store.listDatabaseNames()) {
            if (name.contains(database)) {
                store.getDatabase(name).getCollection(collection).find().forEach(found::add);
            }
        }
        return found;
    }
}
