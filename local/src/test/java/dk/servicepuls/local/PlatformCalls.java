package dk.servicepuls.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.StringJoiner;

/** The calls the whole-platform tests make as a department system and as Prometheus would. */
final class PlatformCalls {

    private PlatformCalls() {
    }

    /** Posts the events as one CloudEvents batch; returns the status. */
    static int postBatch(HttpClient http, String service, String token, List<String> events)
            throws IOException, InterruptedException {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        events.forEach(batch::add);
        return http.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/events"))
                .header("Content-Type", "application/cloudevents-batch+json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** analytics-service's count of events of the type, for the department or ({@code null}) for all. */
    static double counted(HttpClient http, String analytics, String type, String department)
            throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(URI.create(analytics + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(line -> line.startsWith("servicepuls_events_total{"))
                .filter(line -> line.contains("type=\"" + type + "\""))
                .filter(line -> department == null || line.contains("department=\"" + department + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
