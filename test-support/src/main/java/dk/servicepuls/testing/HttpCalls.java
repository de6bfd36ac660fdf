package dk.servicepuls.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls against a running service, so tests see exactly what a department's system would see, bearer token
 * included: by default every POST carries {@link TestTokens#testSystem()} (a sender bound everywhere) and every GET with
 * a {@code department} parameter that department's manager's token. A request that names its own
 * {@code Authorization} keeps it.
 */
public final class HttpCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DEPARTMENT = Pattern.compile("[?&]department=([^&]+)");

    /** Which token a request carries; {@code null} for none. */
    @FunctionalInterface
    public interface Bearer {

        String token(String method, String path);

        /** The test callers of a {@link ServiceIntegrationTest}, as described above. */
        Bearer TEST_CALLERS = (method, path) -> {
            if (method.equals("POST")) {
                return TestTokens.testSystem();
            }
            Matcher department = DEPARTMENT.matcher(path);
            return department.find() ? TestTokens.manager(department.group(1)) : null;
        };

        Bearer NONE = (method, path) -> null;

        /** One token (fetched anew each time, e.g. from a real issuer's token cache) for every request. */
        static Bearer always(Supplier<String> token) {
            return (method, path) -> token.get();
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Bearer bearer;

    public HttpCalls(int port) {
        this(port, Bearer.TEST_CALLERS);
    }

    /** For a {@code @PerTest} field: the test callers against the service under test. */
    public HttpCalls(ServiceUnderTest service) {
        this(service.port());
    }

    public HttpCalls(int port, Bearer bearer) {
        this.base = "http://localhost:" + port;
        this.bearer = bearer;
    }

    /** @param headers the response's headers by name as sent, lower case (HTTP/1.1 names are case-insensitive) */
    public record Answer(int status, String contentType, String body, Map<String, List<String>> headers) {

        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    public Answer post(String path, String contentType, String body) {
        return post(path, Map.of("Content-Type", contentType), body);
    }

    public Answer post(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            authorize(request, "POST", path);
        }
        return send(request.build());
    }

    public Answer get(String path) {
        return get(path, Map.of());
    }

    public Answer get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = authorize(HttpRequest.newBuilder(URI.create(base + path)), "GET", path).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpRequest.Builder authorize(HttpRequest.Builder request, String method, String path) {
        String token = bearer.token(method, path);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), headers);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
