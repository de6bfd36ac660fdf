package dk.servicepuls.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.servicepuls.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTests {

    @Test
    void aCaseworkersTokenGivesHerRolesDepartmentTeamAndCaseworkerId() {
        Caller caller = Caller.of(jwt("cw-1", TestTokens.claims(List.of("caseworker"), "borgerservice", "ydelse-1", "cw-1")));

        assertThat(caller).isEqualTo(new Caller("cw-1", Set.of("caseworker"), "borgerservice", "ydelse-1", "cw-1"));
        assertThat(caller.hasRole(Caller.CASEWORKER)).isTrue();
        assertThat(caller.hasRole(Caller.MANAGER)).isFalse();
    }

    @Test
    void aTokenWithoutServicepulsClaimsIsACallerWithNoRoleAndNoDepartment() {
        Caller caller = Caller.of(jwt("someone", Map.of()));

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.department()).isNull();
        assertThat(caller.belongsTo("borgerservice")).isFalse();
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> caller.requireDepartment("borgerservice"))
                .withMessageContaining("no Servicepuls role");
    }

    @Test
    void aTokenWithADepartmentButNoKnownRoleBelongsNowhereAndSeesNothing() {
        Caller script = Caller.of(jwt("some-script", TestTokens.claims(List.of("auditor"), "borgerservice", null, null)));

        assertThat(script.hasKnownRole()).isFalse();
        assertThat(script.belongsTo("borgerservice")).isFalse();
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> script.requireDepartment("borgerservice"))
                .withMessageContaining("no Servicepuls role");
    }

    @Test
    void aSignedInPersonIsTheSameCallerAsTheirAccessTokenSays() {
        Map<String, Object> claims = new HashMap<>(TestTokens.claims(List.of("team_lead"), "borgerservice", "ydelse-1", null));
        claims.put("sub", "lead-1");
        var user = new DefaultOidcUser(List.of(), new OidcIdToken("id", Instant.now(), Instant.now().plusSeconds(60), claims));

        assertThat(Caller.of(user)).isEqualTo(Caller.of(jwt("lead-1", claims)));
        assertThat(Caller.of(user).belongsTo("borgerservice")).isTrue();
    }

    @Test
    void callerBelongsOnlyToTheDepartmentInTheToken() {
        Caller caller = new Caller("m", Set.of("manager"), "borgerservice", null, null);

        caller.requireDepartment("borgerservice");
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> caller.requireDepartment("teknik-miljoe"))
                .withMessageContaining("department borgerservice");
    }

    @Test
    void everyRoleSeesTheCasesOfTheOneRuleWithAndWithoutATeam() {
        Caller caseworker = new Caller("cw-1", Set.of(Caller.CASEWORKER), "b", "team-a", "cw-1");
        Caller lead = new Caller("tl", Set.of(Caller.TEAM_LEAD), "b", "team-a", null);
        Caller leadOfNoTeam = new Caller("tl2", Set.of(Caller.TEAM_LEAD), "b", null, null);
        Caller manager = new Caller("m", Set.of(Caller.MANAGER), "b", null, null);
        List<String> nobody = List.of();

        for (Caller caller : List.of(caseworker, lead, leadOfNoTeam, manager)) {
            assertThat(caller.seesCase("b", null, nobody)).as("%s, no team yet", caller.subject()).isTrue();
            assertThat(caller.seesCase("b", "team-a", nobody)).as("%s, team-a", caller.subject()).isTrue();
            assertThat(caller.seesCase("other", null, nobody)).as("%s, another department", caller.subject()).isFalse();
        }
        assertThat(caseworker.seesCase("b", "team-b", nobody)).isFalse();
        assertThat(caseworker.seesCase("b", "team-b", List.of("cw-1"))).as("another team's case that names her").isTrue();
        assertThat(lead.seesCase("b", "team-b", List.of("cw-1"))).isFalse();
        assertThat(leadOfNoTeam.seesCase("b", "team-b", nobody)).isTrue();
        assertThat(manager.seesCase("b", "team-b", nobody)).isTrue();
    }

    @Test
    void rolesBecomeUpperCaseRoleAuthorities() {
        var authentication = ResourceServerAutoConfiguration.servicepulsTokens()
                .convert(jwt("tl", TestTokens.claims(List.of("team_lead", "caseworker"), "d", "t", null)));

        // Spring Security 7 adds FACTOR_BEARER (how the caller authenticated) beside the roles
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .filteredOn(authority -> authority.startsWith("ROLE_"))
                .containsExactlyInAnyOrder("ROLE_TEAM_LEAD", "ROLE_CASEWORKER");
        assertThat(authentication.getName()).isEqualTo("tl");
    }

    private static Jwt jwt(String subject, Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return jwt.build();
    }
}
