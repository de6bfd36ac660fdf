package dk.servicepuls.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenID Connect issuer for tests, in this JVM: its discovery document and its key set (the public half of
 * {@code test-issuer/private-key.pem}), nothing else. A service under test finds its keys through
 * {@code issuer-uri} exactly as in production, so the decoder that checks issuer, audience and expiry is Boot's own.
 * Started on first use, on a free port of the loopback interface, and shared by every test context of the JVM.
 */
public final class TestIssuer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile String url;

    private TestIssuer() {
    }

    /** The issuer's URL: the {@code iss} of every {@link TestTokens} token. */
    public static String url() {
        if (url == null) {
            synchronized (TestIssuer.class) {
                if (url == null) {
                    url = start();
                }
            }
        }
        return url;
    }

    private static String start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/test-issuer";
            String keys = new JWKSet(new RSAKey.Builder((RSAPublicKey) TestTokens.publicKey()).keyID(TestTokens.KEY_ID)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build()).toString();
            String discovery = JSON.writeValueAsString(Map.of("issuer", issuer, "jwks_uri", issuer + "/jwks",
                    "authorization_endpoint", issuer + "/authorize", "token_endpoint", issuer + "/token",
                    "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256")));
            server.createContext("/test-issuer/.well-known/openid-configuration", exchange -> answer(exchange, discovery));
            server.createContext("/test-issuer/jwks", exchange -> answer(exchange, keys));
            // start() returns at once: the server answers on its own dispatcher thread until the JVM ends
            server.start();
            return issuer;
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot start the test issuer", e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
