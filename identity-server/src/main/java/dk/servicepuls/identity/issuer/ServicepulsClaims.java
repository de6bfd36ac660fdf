package dk.servicepuls.identity.issuer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts what the services decide on into the access and ID tokens: the Servicepuls audience (access tokens), {@code roles}, {@code department}, {@code team}
 * and, for a caseworker, {@code caseworker_id}. A user's token carries the user's; a client-credentials token carries
 * its client's configured values, so a script sees exactly what its client was given and nothing more.
 */
@Component
class ServicepulsClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String DEPARTMENT = "department";
    static final String TEAM = "team";
    static final String CASEWORKER_ID = "caseworker_id";

    private final Map<String, IdentityProperties.DemoUser> users;
    private final Map<String, IdentityProperties.Client> clients;
    private final String audience;

    ServicepulsClaims(IdentityProperties properties) {
        this.audience = properties.audience();
        this.users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(IdentityProperties.DemoUser::username, Function.identity()));
        this.clients = properties.clients().stream()
                .collect(Collectors.toUnmodifiableMap(IdentityProperties.Client::clientId, Function.identity()));
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (accessToken) {
            // the client id stays (Spring's default), and the services find theirs
            claims.audience(List.of(context.getRegisteredClient().getClientId(), audience));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            IdentityProperties.Client client = clients.get(context.getRegisteredClient().getClientId());
            if (client != null) {
                put(claims, client.roles(), client.department(), client.team(), null);
            }
            return;
        }
        Optional.ofNullable(users.get(context.getPrincipal().getName()))
                .ifPresent(user -> put(claims, user.roles(), user.department(), user.team(), user.caseworkerId()));
    }

    private static void put(JwtClaimsSet.Builder claims, Set<String> roles, String department, String team,
            String caseworkerId) {
        // sorted, so a token reads the same on every start
        claims.claim(ROLES, List.copyOf(new TreeSet<>(roles)));
        putIfPresent(claims, DEPARTMENT, department);
        putIfPresent(claims, TEAM, team);
        putIfPresent(claims, CASEWORKER_ID, caseworkerId);
    }

    private static void putIfPresent(JwtClaimsSet.Builder claims, String name, String value) {
        if (value != null && !value.isBlank()) {
            claims.claim(name, value);
        }
    }
}
