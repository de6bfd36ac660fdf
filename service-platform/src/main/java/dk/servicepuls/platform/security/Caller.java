package dk.servicepuls.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The person or script behind a request, as its token describes them. A controller asks for one by declaring a
 * {@code Caller} parameter.
 *
 * @param subject the token's {@code sub}: a user name, or a client id for a script
 * @param roles from the {@code roles} claim: {@value #CASEWORKER}, {@value #TEAM_LEAD}, {@value #MANAGER}
 * @param department the {@code department} claim; {@code null} for a token that is for no department
 * @param team the {@code team} claim, if any
 * @param caseworkerId the {@code caseworker_id} claim, present for caseworkers: the id the department's systems put on
 *        the events ({@code caseworkerId})
 */
public record Caller(String subject, Set<String> roles, String department, String team, String caseworkerId) {

    public static final String CASEWORKER = "caseworker";
    public static final String TEAM_LEAD = "team_lead";
    public static final String MANAGER = "manager";

    static final String ROLES_CLAIM = "roles";
    static final String DEPARTMENT_CLAIM = "department";
    static final String TEAM_CLAIM = "team";
    static final String CASEWORKER_ID_CLAIM = "caseworker_id";

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The roles that see anything; a token with none of them (a script's, another application's) sees nothing. */
    public static final Set<String> KNOWN_ROLES = Set.of(CASEWORKER, TEAM_LEAD, MANAGER);

    /**
     * From an access token or, for a browser session, an ID token: the issuer puts the same claims in both, so the
     * inbox and the API judge a person alike.
     */
    static Caller of(ClaimAccessor token) {
        List<String> roles = token.hasClaim(ROLES_CLAIM) ? token.getClaimAsStringList(ROLES_CLAIM) : List.of();
        return new Caller(token.getClaimAsString("sub"), Set.copyOf(roles), token.getClaimAsString(DEPARTMENT_CLAIM),
                token.getClaimAsString(TEAM_CLAIM), token.getClaimAsString(CASEWORKER_ID_CLAIM));
    }

    /**
     * The caller of the request being handled on this thread: from its bearer token (the APIs) or the signed-in
     * user's ID token (a browser session); empty where nobody is signed in.
     */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return Optional.of(of(user));
        }
        return Optional.empty();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasKnownRole() {
        return roles.stream().anyMatch(KNOWN_ROLES::contains);
    }

    /**
     * Whether this caller works in that department with a role Servicepuls knows; a token without a department
     * belongs to none.
     */
    public boolean belongsTo(String department) {
        return hasKnownRole() && this.department != null && this.department.equals(department);
    }

    /**
     * The one visibility rule for a case and its tasks, for the task API, the risk API and the web inbox alike: a
     * manager sees the department's; a team lead the team's (a lead without a team, the department's); a caseworker
     * the team's and those that name them. What has no team yet is the whole department's, so that no call is
     * orphaned. Nobody sees another department's, and a caller without a Servicepuls role sees nothing.
     *
     * @param team        the case's (or task's) team; {@code null} when it has none yet
     * @param caseworkers the caseworker ids it names (assigned, claimed by); {@code null} entries are ignored
     */
    public boolean seesCase(String department, String team, Collection<String> caseworkers) {
        if (!belongsTo(department)) {
            return false;
        }
        if (hasRole(MANAGER) || team == null) {
            return true;
        }
        boolean sameTeam = team.equals(this.team);
        if (hasRole(TEAM_LEAD) && (sameTeam || this.team == null)) {
            return true;
        }
        return hasRole(CASEWORKER) && (sameTeam || caseworkerId != null && caseworkers.contains(caseworkerId));
    }

    /**
     * Refuses (403 problem) a caller from another department, or one without a Servicepuls role: nobody sees another
     * department's cases.
     */
    public void requireDepartment(String department) {
        if (!hasKnownRole()) {
            throw new ForbiddenException("Your token carries no Servicepuls role (" + String.join(", ", KNOWN_ROLES.stream().sorted().toList())
                    + "), so it sees nothing; ask for a role in the issuer");
        }
        if (!belongsTo(department)) {
            throw new ForbiddenException("Your token is for " + (this.department == null ? "no department"
                    : "department " + this.department) + ", not for the department asked for");
        }
    }
}
