package dk.servicepuls.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthProbeTests {

    private HttpServer server;

    @BeforeEach
    void answerAsActuatorDoes() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/up", 200, "{\"status\":\"UP\"}");
        answer("/down", 503, "{\"status\":\"DOWN\"}");
        answer("/odd", 200, "{\"status\":\"OUT_OF_SERVICE\"}");
        server.start();
    }

    private void answer(String path, int status, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI at(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void onlyAnUpAnswerIsHealthy() {
        assertThat(HealthProbe.healthy(at("/up"))).isTrue();
        assertThat(HealthProbe.healthy(at("/down"))).isFalse();
        assertThat(HealthProbe.healthy(at("/odd"))).isFalse();
    }

    @Test
    void nothingListeningIsUnhealthy() {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThat(HealthProbe.healthy(URI.create("http://127.0.0.1:" + port + "/up"))).isFalse();
    }
}
