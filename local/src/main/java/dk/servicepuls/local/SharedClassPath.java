package dk.servicepuls.local;

import java.util.ArrayList;
import java.util.List;

import dk.servicepuls.platform.security.ResourceServerAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;

/**
 * In its own jar each service sees only its own dependencies; here all of them share one class path, and Spring Boot
 * would configure whatever it finds. Spring Security (there for the services with a resource server) would lock the other services down
 * with a generated password, and the authorization server (there for identity-server) would give escalation-service
 * a signing key of its own. Each service leaves out what is not its own.
 */
final class SharedClassPath {

    private static final List<Class<?>> SECURITY = List.of(ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class);

    private static final List<Class<?>> AUTHORIZATION_SERVER = List.of(OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class);

    private SharedClassPath() {
    }

    /** The auto-configurations this service must not get from the others' dependencies. */
    static List<String> excludedAutoConfigurations(LocalService service) {
        List<Class<?>> excluded = new ArrayList<>(AUTHORIZATION_SERVER);
        switch (service.security()) {
            case NONE:
                excluded.addAll(SECURITY);
                break;
            case RESOURCE_SERVER:
                break;
            case ISSUER:
                // the identity-server lists its auto-configuration itself (IdentityServerApplication)
                return List.of();
            default:
                throw new IllegalStateException("Unknown security " + service.security());
        }
        return excluded.stream().map(Class::getName).toList();
    }
}
