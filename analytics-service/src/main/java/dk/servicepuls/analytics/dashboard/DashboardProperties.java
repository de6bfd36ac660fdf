package dk.servicepuls.analytics.dashboard;

import dk.servicepuls.platform.signin.SignInClient;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's settings ({@code servicepuls.dashboard}).
 *
 * @param signIn the OpenID Connect client the browser signs in with
 */
@ConfigurationProperties("servicepuls.dashboard")
record DashboardProperties(@DefaultValue SignIn signIn) {

    /**
     * @param issuerUri    the issuer, read on the first sign-in
     * @param clientId     a public client (authorization code with PKCE) unless a secret is given
     * @param clientSecret for an issuer that only knows confidential clients; blank for a public client
     */
    record SignIn(String issuerUri, @DefaultValue("servicepuls-dashboard") String clientId, String clientSecret) {

        SignInClient client() {
            return new SignInClient(issuerUri, clientId, clientSecret);
        }
    }
}
