package dk.servicepuls.escalation.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The {@link Caller} behind a browser session: the issuer puts the same claims in the ID token as in the access token,
 * so the inbox and the API judge a person alike.
 */
final class InboxCallers {

    private InboxCallers() {
    }

    static Caller of(OidcUser user) {
        List<String> roles = user.hasClaim(Caller.ROLES_CLAIM) ? user.getClaimAsStringList(Caller.ROLES_CLAIM) : List.of();
        return new Caller(user.getSubject(), Set.copyOf(roles), user.getClaimAsString(Caller.DEPARTMENT_CLAIM),
                user.getClaimAsString(Caller.TEAM_CLAIM), user.getClaimAsString(Caller.CASEWORKER_ID_CLAIM));
    }
}
