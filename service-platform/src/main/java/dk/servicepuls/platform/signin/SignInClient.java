package dk.servicepuls.platform.signin;

/**
 * The OpenID Connect client a page signs its users in with.
 *
 * @param issuerUri    the issuer; its discovery document is read on the first sign-in, not at start-up, so the service
 *                     starts before (or without) its issuer
 * @param clientId     a public client (authorization code with PKCE) unless a secret is given
 * @param clientSecret for an issuer that only knows confidential clients; blank for a public client
 */
public record SignInClient(String issuerUri, String clientId, String clientSecret) {

    public boolean isPublic() {
        return clientSecret == null || clientSecret.isBlank();
    }
}
