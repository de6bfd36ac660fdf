package dk.servicepuls.identity.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdentityPropertiesTests {

    @Test
    void aCaseworkersIdDefaultsToTheUserName() {
        var user = new IdentityProperties.DemoUser("cw", "pw", Set.of("caseworker"), "borgerservice", "ydelse-1", null);

        assertThat(user.caseworkerId()).isEqualTo("cw");
    }

    @Test
    void someoneWhoIsNoCaseworkerGetsNoCaseworkerId() {
        var user = new IdentityProperties.DemoUser("boss", "pw", Set.of("manager"), "borgerservice", null, null);

        assertThat(user.caseworkerId()).isNull();
    }

    @Test
    void aRoleTheServicesDoNotKnowIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentityProperties.DemoUser("x", "pw", Set.of("admin"), "d", null, null))
                .withMessageContaining("admin");
    }

    @Test
    void aClientWithoutASecretMayNotUseClientCredentials() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentityProperties.Client("c", null, Set.of("client_credentials"), List.of(),
                        Set.of(), Set.of("manager"), "d", null, List.of()))
                .withMessageContaining("no secret");
    }

    @Test
    void anAuthorizationCodeClientNeedsARedirectUri() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentityProperties.Client("c", null, Set.of("authorization_code"), List.of(),
                        Set.of("openid"), Set.of(), null, null, List.of()))
                .withMessageContaining("redirect-uris");
    }

    @Test
    void anIssuerIsRequired() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentityProperties(" ", "servicepuls", java.time.Duration.ofMinutes(5), List.of(), List.of()))
                .withMessageContaining("issuer");
    }
}
