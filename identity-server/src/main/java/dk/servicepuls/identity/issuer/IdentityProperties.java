package dk.servicepuls.identity.issuer;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in and which clients may ask for tokens; a pilot changes this in {@code application.yml} rather than in
 * code. A mistake here stops the start with the reason, rather than issuing tokens that the services misread.
 *
 * @param issuer the {@code iss} of every token, and what the services are told to trust; must be the URL the services
 *        reach this server on
 * @param audience put in every access token's {@code aud} beside the client id: the services accept only tokens for
 *        this audience ({@code SERVICEPULS_TOKEN_AUDIENCE} there), so a token this issuer minted for another
 *        application is refused
 * @param accessTokenTimeToLive how long an access token is valid; long enough for a demo session driven with curl
 * @param users the people who sign in with a user name and a password (in memory; demo only)
 * @param clients the applications that ask for tokens
 */
@ConfigurationProperties("servicepuls.identity")
record IdentityProperties(String issuer, @DefaultValue("servicepuls") String audience, @DefaultValue("30m") Duration accessTokenTimeToLive,
        @DefaultValue List<DemoUser> users, @DefaultValue List<Client> clients) {

    /** The roles the services understand; anything else in a token would be silently ignored, so it is refused here. */
    static final Set<String> ROLES = Set.of("caseworker", "team_lead", "manager");

    IdentityProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("servicepuls.identity.issuer is required");
        }
        require(audience, "servicepuls.identity.audience");
        users = List.copyOf(users);
        clients = List.copyOf(clients);
    }

    /**
     * @param caseworkerId the id the department's systems use for this caseworker ({@code caseworkerId} on the events);
     *        defaults to the user name for a caseworker
     */
    record DemoUser(String username, String password, Set<String> roles, String department, String team,
            String caseworkerId) {

        DemoUser {
            require(username, "a user's username");
            require(password, "the password of user " + username);
            roles = checkedRoles(roles, "user " + username);
            if (caseworkerId == null && roles.contains("caseworker")) {
                caseworkerId = username;
            }
        }
    }

    /**
     * @param secret the client secret; none makes a public client, which may only use the authorization code flow with
     *        PKCE (a browser or a native app cannot keep a secret)
     * @param grantTypes {@code authorization_code}, {@code refresh_token} or {@code client_credentials}
     * @param roles the roles a client-credentials token carries (the client acts on its own behalf, not a user's)
     * @param department the department a client-credentials token is for; without one it sees no department's data
     * @param postLogoutRedirectUris where a signed-out user may be sent back after this issuer ended their session
     *        (OpenID Connect RP-initiated logout)
     */
    record Client(String clientId, String secret, Set<String> grantTypes, @DefaultValue List<String> redirectUris,
            @DefaultValue Set<String> scopes, @DefaultValue Set<String> roles, String department, String team,
            @DefaultValue List<String> postLogoutRedirectUris) {

        Client {
            require(clientId, "a client's client-id");
            if (grantTypes == null || grantTypes.isEmpty()) {
                throw new IllegalArgumentException("client " + clientId + " has no grant-types");
            }
            grantTypes = Set.copyOf(grantTypes);
            if (!Set.of("authorization_code", "refresh_token", "client_credentials").containsAll(grantTypes)) {
                throw new IllegalArgumentException("client " + clientId + " has an unknown grant type in " + grantTypes);
            }
            if (isPublic(secret) && !Set.of("authorization_code").containsAll(grantTypes)) {
                throw new IllegalArgumentException("client " + clientId
                        + " has no secret, so it may only use authorization_code (with PKCE)");
            }
            if (grantTypes.contains("authorization_code") && redirectUris.isEmpty()) {
                throw new IllegalArgumentException("client " + clientId + " uses authorization_code but has no redirect-uris");
            }
            redirectUris = List.copyOf(redirectUris);
            postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
            scopes = Set.copyOf(scopes);
            roles = checkedRoles(roles, "client " + clientId);
        }

        boolean isPublic() {
            return isPublic(secret);
        }

        private static boolean isPublic(String secret) {
            return secret == null || secret.isBlank();
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static Set<String> checkedRoles(Set<String> roles, String whose) {
        Set<String> checked = roles == null ? Set.of() : Set.copyOf(roles);
        if (!ROLES.containsAll(checked)) {
            throw new IllegalArgumentException(whose + " has a role outside " + ROLES + ": " + checked);
        }
        return checked;
    }
}
