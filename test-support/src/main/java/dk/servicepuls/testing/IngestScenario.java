package dk.servicepuls.testing;

import java.util.UUID;

/**
 * One ingest test's own department and case, HTTP calls to the service and a recorder of the topic it publishes
 * normalised events on ({@code servicepuls.ingest.publish-to}). Made for each test by {@link PerTest}.
 */
public final class IngestScenario implements AutoCloseable {

    public final HttpCalls http;
    public final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    public final String caseId = "SAG-" + UUID.randomUUID().toString().substring(0, 8);
    public final RecordedTopic published;

    public IngestScenario(ServiceUnderTest service) {
        this.http = service.http();
        this.published = new RecordedTopic(service.brokers(), service.property("servicepuls.ingest.publish-to"));
    }

    @Override
    public void close() {
        published.close();
    }
}
