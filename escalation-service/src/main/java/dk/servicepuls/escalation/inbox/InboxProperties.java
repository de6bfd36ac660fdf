package dk.servicepuls.escalation.inbox;

import java.util.Map;

import dk.servicepuls.platform.signin.SignInClient;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriUtils;

/**
 * The inbox's settings ({@code servicepuls.inbox}).
 *
 * @param caseLinks       per department code, the address of a case in the department's own case system, with
 *                        {@code {caseId}} where the case id goes: the caseworker sees there who to call, since
 *                        Servicepuls holds no names or phone numbers
 * @param defaultCaseLink the same for a department without its own entry
 * @param signIn          the OpenID Connect client the browser signs in with
 */
@ConfigurationProperties("servicepuls.inbox")
record InboxProperties(@DefaultValue Map<String, String> caseLinks,
        @DefaultValue("https://esdh.example.dk/sager/{caseId}") String defaultCaseLink, @DefaultValue SignIn signIn) {

    static final String CASE_ID = "{caseId}";

    InboxProperties {
        caseLinks = Map.copyOf(caseLinks);
        caseLinks.forEach((department, template) -> requireCaseId(template, "servicepuls.inbox.case-links." + department));
        requireCaseId(defaultCaseLink, "servicepuls.inbox.default-case-link");
    }

    private static void requireCaseId(String template, String setting) {
        if (template == null || !template.contains(CASE_ID)) {
            throw new IllegalArgumentException(setting + " must contain " + CASE_ID);
        }
    }

    /** The case's address in its department's case system; the id is encoded as one path segment. */
    String caseLink(String department, String caseId) {
        return caseLinks.getOrDefault(department, defaultCaseLink)
                .replace(CASE_ID, UriUtils.encodePathSegment(caseId, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * @param issuerUri    the OpenID Connect issuer; its discovery document is read on the first sign-in, not at
     *                     start-up, so the service starts before (or without) its issuer
     * @param clientId     a public client (authorization code with PKCE) unless a secret is given
     * @param clientSecret for an issuer that only knows confidential clients; blank for a public client
     */
    record SignIn(String issuerUri, @DefaultValue("servicepuls-inbox") String clientId, String clientSecret) {

        SignInClient client() {
            return new SignInClient(issuerUri, clientId, clientSecret);
        }
    }
}
