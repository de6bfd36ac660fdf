package dk.servicepuls.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Servicepuls service with Spring Security on its class path is an OAuth2 resource server: its {@code /api/**}
 * needs a valid JWT from the issuer that {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} names, for the
 * audience in {@code spring.security.oauth2.resourceserver.jwt.audiences}; operations endpoints stay open for Prometheus
 * and the platform's health checks. The issuer's key set is fetched on the first token, not at start-up, so a service
 * starts before (or without) its issuer. A service may add chains of its own between the two (order 2, as the web
 * inbox does).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnClass({ SecurityFilterChain.class, JwtDecoder.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(SecurityProblemAdvice.class)
public class ResourceServerAutoConfiguration implements WebMvcConfigurer {

    /** Roles become authorities {@code ROLE_CASEWORKER}, {@code ROLE_TEAM_LEAD}, {@code ROLE_MANAGER}. */
    static final String ROLE_PREFIX = "ROLE_";

    @Bean
    SecurityProblems securityProblems(JsonMapper json) {
        return new SecurityProblems(json);
    }

    /**
     * The JSON APIs: bearer tokens only, no session and no cookies (so no cross-site request to forge), and nothing
     * saved for a later redirect. The issuer is read here only to fail the start when it is missing: Boot's binding
     * would keep an unresolved {@code ${OIDC_ISSUER_URI}} as text, and every request would then fail instead.
     */
    @Bean
    @Order(1)
    SecurityFilterChain servicepulsApi(HttpSecurity http, SecurityProblems problems,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) throws Exception {
        if (issuer.isBlank()) {
            throw new IllegalStateException("No OIDC issuer: set OIDC_ISSUER_URI (spring.security.oauth2.resourceserver.jwt.issuer-uri)");
        }
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable());
        return bearerTokens(http, problems).build();
    }

    /** Everything else: operations endpoints stay open for Prometheus and the platform's health checks. */
    @Bean
    @Order(3)
    SecurityFilterChain servicepulsOperations(HttpSecurity http, SecurityProblems problems) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .requestCache(cache -> cache.requestCache(new NullRequestCache()));
        return bearerTokens(http, problems).build();
    }

    private static HttpSecurity bearerTokens(HttpSecurity http, SecurityProblems problems) throws Exception {
        return http.oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(servicepulsTokens()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    static JwtAuthenticationConverter servicepulsTokens() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(ResourceServerAutoConfiguration::roleAuthorities);
        return converter;
    }

    private static Collection<GrantedAuthority> roleAuthorities(Jwt token) {
        List<String> roles = token.hasClaim(Caller.ROLES_CLAIM) ? token.getClaimAsStringList(Caller.ROLES_CLAIM) : List.of();
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(ROLE_PREFIX + role.toUpperCase(Locale.ROOT)))
                .toList();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
