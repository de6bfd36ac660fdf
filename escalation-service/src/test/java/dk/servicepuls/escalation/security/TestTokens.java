package dk.servicepuls.escalation.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
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
 * Mints bearer tokens the way the issuer would, signed with a key made for this test run only, so tests need no running
 * issuer. A test context trusts them when the test class carries {@link WithTestTokens}.
 * <pre>
 * String token = TestTokens.caseworker("cw-1", "borgerservice", "ydelse-1");
 * request.header("Authorization", "Bearer " + token);
 * </pre>
 */
public final class TestTokens {

    /** The {@code iss} of every test token, and the only issuer the test decoder accepts. */
    public static final String ISSUER = "https://issuer.test/servicepuls";

    private static final KeyPair KEYS = rsaKeyPair();
    private static final KeyPair STRANGER = rsaKeyPair();

    private TestTokens() {
    }

    public static String caseworker(String caseworkerId, String department, String team) {
        return token(caseworkerId, claims(List.of(Caller.CASEWORKER), department, team, caseworkerId));
    }

    public static String teamLead(String department, String team) {
        return token("teamlead-" + team, claims(List.of(Caller.TEAM_LEAD), department, team, null));
    }

    public static String manager(String department) {
        return token("manager-" + department, claims(List.of(Caller.MANAGER), department, null, null));
    }

    /** Like the local mode's script client ({@code servicepuls-cli}): a manager's view of one department. */
    public static String script(String department) {
        return token("servicepuls-cli", claims(List.of(Caller.MANAGER), department, null, null));
    }

    /** A token with exactly these Servicepuls claims (and the standard ones). */
    public static String token(String subject, Map<String, Object> claims) {
        return sign(KEYS, subject, ISSUER, Instant.now().plus(Duration.ofMinutes(5)), claims);
    }

    /** A caseworker's token that expired a minute ago (beyond the decoder's clock skew allowance). */
    public static String expired(String department) {
        return sign(KEYS, "cw-late", ISSUER, Instant.now().minus(Duration.ofMinutes(2)),
                claims(List.of(Caller.CASEWORKER), department, "t", "cw-late"));
    }

    /** A well-formed token signed by a key the service has never seen. */
    public static String signedByAStranger(String department) {
        return sign(STRANGER, "intruder", ISSUER, Instant.now().plus(Duration.ofMinutes(5)),
                claims(List.of(Caller.MANAGER), department, null, null));
    }

    /** A token from the right key but naming another issuer. */
    public static String fromAnotherIssuer(String department) {
        return sign(KEYS, "elsewhere", "https://other-issuer.test", Instant.now().plus(Duration.ofMinutes(5)),
                claims(List.of(Caller.MANAGER), department, null, null));
    }

    public static Map<String, Object> claims(List<String> roles, String department, String team, String caseworkerId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(Caller.ROLES_CLAIM, roles);
        putIfPresent(claims, Caller.DEPARTMENT_CLAIM, department);
        putIfPresent(claims, Caller.TEAM_CLAIM, team);
        putIfPresent(claims, Caller.CASEWORKER_ID_CLAIM, caseworkerId);
        return claims;
    }

    static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

    private static String sign(KeyPair keys, String subject, String issuer, Instant expiresAt, Map<String, Object> claims) {
        // five minutes of validity, like the issuer's shortest; an expired token was issued in the past
        Instant issuedAt = expiresAt.minus(Duration.ofMinutes(5));
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), set.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
