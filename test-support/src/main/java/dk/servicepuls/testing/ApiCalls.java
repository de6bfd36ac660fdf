package dk.servicepuls.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.ServiceUnderTest;

/** Plain HTTP calls with a bearer token, as the inbox or a script makes them; answers read like {@link HttpCalls}'. */
public final class ApiCalls {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public ApiCalls(int port) {
        this.base = "http://localhost:" + port;
    }

    /** For a {@code @PerTest} field. */
    public ApiCalls(ServiceUnderTest service) {
        this(service.port());
    }

    public HttpCalls.Answer get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public HttpCalls.Answer post(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The whole response, headers included (e.g. {@code WWW-Authenticate}). */
    public HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpCalls.Answer send(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        return new HttpCalls.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
