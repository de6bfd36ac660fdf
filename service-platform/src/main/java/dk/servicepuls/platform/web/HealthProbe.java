package dk.servicepuls.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container's health check without curl in the image: {@code java -cp @/app/jib-classpath-file
 * dk.servicepuls.platform.web.HealthProbe http://localhost:8081/actuator/health/readiness} exits 0 when the service
 * answers 200 with status UP within three seconds, and 1 otherwise (docker-compose.yml's health checks).
 */
public final class HealthProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthProbe() {
    }

    public static void main(String[] args) {
        System.exit(args.length == 1 && healthy(URI.create(args[0])) ? 0 : 1);
    }

    static boolean healthy(URI health) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        }
        catch (IOException | IllegalArgumentException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
