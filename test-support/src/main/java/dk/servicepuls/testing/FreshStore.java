package dk.servicepuls.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A database of its own on the embedded store for each test, for code that needs a {@link MongoTemplate} but no
 * Spring context: {@code @RegisterExtension final FreshStore store = new FreshStore("facts");}, then
 * {@code store.mongo()}. Its client is closed after the test; {@link #client()} lets a test close it sooner, as a
 * store that went away.
 */
public final class FreshStore implements BeforeEachCallback, AfterEachCallback {

    private final String prefix;
    private MongoClient client;
    private MongoTemplate mongo;

    public FreshStore(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String uri = EmbeddedStore.freshUri(prefix);
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    public MongoClient client() {
        return client;
    }
}
