package dk.servicepuls.escalation.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

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

    static Caller of(Jwt token) {
        List<String> roles = token.hasClaim(ROLES_CLAIM) ? token.getClaimAsStringList(ROLES_CLAIM) : List.of();
        return new Caller(token.getSubject(), Set.copyOf(roles), token.getClaimAsString(DEPARTMENT_CLAIM),
                token.getClaimAsString(TEAM_CLAIM), token.getClaimAsString(CASEWORKER_ID_CLAIM));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this caller works in that department; a token without a department belongs to none. */
    public boolean belongsTo(String department) {
        return this.department != null && this.department.equals(department);
    }

    /** Refuses (403 problem) a caller from another department: nobody sees another department's cases. */
    public void requireDepartment(String department) {
        if (!belongsTo(department)) {
            throw new ForbiddenException("Your token is for " + (this.department == null ? "no department"
                    : "department " + this.department) + ", not for the department asked for");
        }
    }
}
