package dk.servicepuls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints bearer tokens the way the issuer would, signed with a key that exists for tests only
 * ({@code test-issuer/private-key.pem}, never trusted outside a test context), so tests need no running issuer. A test
 * context trusts them under {@link ServiceIntegrationTest}: there Boot's own decoder checks them, issuer,
 * audience and expiry included.
 * <pre>
 * String token = TestTokens.caseworker("cw-1", "borgerservice", "ydelse-1");
 * request.header("Authorization", "Bearer " + token);
 * </pre>
 */
public final class TestTokens {

    static final String KEY_ID = "test";

    /** A sender that {@link ServiceIntegrationTest} binds to every department and source, at any rate. */
    public static final String TEST_SYSTEM = "test-system";
    /** A sender bound to {@link #ESDH_DEPARTMENT} and sources under {@link #ESDH_SOURCE} only. */
    public static final String ESDH_SYSTEM = "esdh-system";
    public static final String ESDH_DEPARTMENT = "esdh-borgerservice";
    public static final String ESDH_SOURCE = "/test-kommune/esdh";
    /** A sender bound everywhere but to 1000 events a second (one full batch). */
    public static final String SLOW_SYSTEM = "slow-system";

    /** The {@code aud} the services expect (the shared default of {@code ...resourceserver.jwt.audiences}). */
    public static final String AUDIENCE = "servicepuls";

    public static final String CASEWORKER = "caseworker";
    public static final String TEAM_LEAD = "team_lead";
    public static final String MANAGER = "manager";

    private static final PrivateKey KEY = (PrivateKey) key("test-issuer/private-key.pem", true);
    private static final PrivateKey STRANGER = strangersKey();

    private TestTokens() {
    }

    public static String caseworker(String caseworkerId, String department, String team) {
        return token(caseworkerId, claims(List.of(CASEWORKER), department, team, caseworkerId));
    }

    public static String teamLead(String department, String team) {
        return token("teamlead-" + team, claims(List.of(TEAM_LEAD), department, team, null));
    }

    public static String manager(String department) {
        return token("manager-" + department, claims(List.of(MANAGER), department, null, null));
    }

    /** Like the local mode's script client ({@code servicepuls-cli}): a manager's view of one department. */
    public static String script(String department) {
        return token("servicepuls-cli", claims(List.of(MANAGER), department, null, null));
    }

    /** A department system's client-credentials token: its client id as subject, no person's roles. */
    public static String system(String clientId) {
        return token(clientId, claims(List.of(), null, null, null));
    }

    /** The token that {@link HttpCalls} sends with every event it posts. */
    public static String testSystem() {
        return system(TEST_SYSTEM);
    }

    /** A token with exactly these Servicepuls claims (and the standard ones). */
    public static String token(String subject, Map<String, Object> claims) {
        return sign(KEY, subject, TestIssuer.url(), AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), claims);
    }

    /** A manager's token from the right issuer and key, but minted for another application. */
    public static String forAnotherAudience(String department) {
        return sign(KEY, "other-app", TestIssuer.url(), "another-application", Instant.now().plus(Duration.ofMinutes(5)),
                claims(List.of(MANAGER), department, null, null));
    }

    /** A caseworker's token that expired a minute ago (beyond the decoder's clock skew allowance). */
    public static String expired(String department) {
        return sign(KEY, "cw-late", TestIssuer.url(), AUDIENCE, Instant.now().minus(Duration.ofMinutes(2)),
                claims(List.of(CASEWORKER), department, "t", "cw-late"));
    }

    /** A well-formed token signed by a key the service has never seen. */
    public static String signedByAStranger(String department) {
        return sign(STRANGER, "intruder", TestIssuer.url(), AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)),
                claims(List.of(MANAGER), department, null, null));
    }

    /** A token from the right key but naming another issuer. */
    public static String fromAnotherIssuer(String department) {
        return sign(KEY, "elsewhere", "https://other-issuer.test", AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)),
                claims(List.of(MANAGER), department, null, null));
    }

    public static Map<String, Object> claims(List<String> roles, String department, String team, String caseworkerId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("roles", roles);
        putIfPresent(claims, "department", department);
        putIfPresent(claims, "team", team);
        putIfPresent(claims, "caseworker_id", caseworkerId);
        return claims;
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

    private static String sign(PrivateKey key, String subject, String issuer, String audience, Instant expiresAt,
            Map<String, Object> claims) {
        // five minutes of validity, like the issuer's shortest; an expired token was issued in the past
        Instant issuedAt = expiresAt.minus(Duration.ofMinutes(5));
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(audience)
                .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), set.build());
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static PublicKey publicKey() {
        return (PublicKey) key("test-issuer/public-key.pem", false);
    }

    private static java.security.Key key(String resource, boolean privateKey) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " in test-support");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
            byte[] der = Base64.getDecoder().decode(pem);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return privateKey ? rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) : rsa.generatePublic(new X509EncodedKeySpec(der));
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the test issuer's key " + resource, e);
        }
    }

    private static PrivateKey strangersKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
