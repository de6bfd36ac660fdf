package dk.servicepuls.platform.signin;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * A page's one client registration, built from the issuer's discovery document on the first sign-in. Boot's own
 * registration reads the document at start-up, which fails while the issuer is not up yet (the local mode starts all
 * at once; a pilot's issuer may be down for a moment). A failed read is not kept: the next sign-in tries again.
 * Deliberately not {@link Iterable}, so Spring Security does not read it at start-up to list login links.
 */
final class LazyClientRegistrations implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "servicepuls";

    private final SignInClient signIn;
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

    LazyClientRegistrations(SignInClient signIn) {
        if (signIn.issuerUri() == null || signIn.issuerUri().isBlank()) {
            throw new IllegalStateException("No OIDC issuer to sign in with: set OIDC_ISSUER_URI");
        }
        this.signIn = signIn;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration.get();
        if (known != null) {
            return known;
        }
        ClientRegistration.Builder builder = ClientRegistrations.fromOidcIssuerLocation(signIn.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(signIn.clientId())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                // the claims the pages need (roles, department, team, caseworker_id) are in the ID token itself
                .scope("openid");
        if (signIn.isPublic()) {
            // a public client proves the code with PKCE, which Spring Security adds for this method
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE).clientSecret(null);
        }
        else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientSecret(signIn.clientSecret());
        }
        ClientRegistration built = builder.build();
        registration.compareAndSet(null, built);
        return registration.get();
    }
}
