package dk.servicepuls.platform.signin;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * What a page's security chain needs for a browser sign-in. A page's chain sits between the bearer-only API chain
 * (order 1) and the operations chain (order 3); a session cookie carries the sign-in there, so CSRF protection stays
 * on for its forms.
 */
public final class BrowserSignIn {

    /** The paths Spring Security's login and logout use; a page's chain must match them besides its own. */
    private static final List<String> SIGN_IN_PATHS = List.of("/login/**", "/oauth2/**", "/logout");

    private BrowserSignIn() {
    }

    /** What a page's chain matches: the page's own paths and those of the sign-in and sign-out. */
    public static String[] pathsWithSignIn(String... pages) {
        return Stream.concat(Arrays.stream(pages), SIGN_IN_PATHS.stream()).toArray(String[]::new);
    }

    /** The client's one registration, built from the issuer's discovery document on the first sign-in. */
    public static ClientRegistrationRepository registrations(SignInClient client) {
        return new LazyClientRegistrations(client);
    }

    /**
     * Straight to the issuer's login page (with one issuer there is nothing to choose), back to {@code home} after it;
     * signing out ends the issuer's session too and lands on {@code signedOut}.
     */
    public static HttpSecurity signIn(HttpSecurity http, ClientRegistrationRepository registrations, String home,
            String signedOut) throws Exception {
        return http.oauth2Login(login -> login.loginPage("/oauth2/authorization/" + LazyClientRegistrations.REGISTRATION_ID)
                        .defaultSuccessUrl(home))
                .logout(logout -> logout.logoutSuccessHandler(signOutAtTheIssuerToo(registrations, signedOut)));
    }

    /**
     * OpenID Connect RP-initiated logout, so that the next person at a shared PC must sign in as themselves; the issuer
     * sends the browser back to the signed-out page. An issuer without an {@code end_session_endpoint} ends only the
     * page's session.
     */
    private static LogoutSuccessHandler signOutAtTheIssuerToo(ClientRegistrationRepository registrations,
            String signedOut) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}" + signedOut);
        handler.setDefaultTargetUrl(signedOut);
        return handler;
    }
}
