package dk.servicepuls.escalation.inbox;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The inbox's browser sign-in and language. A chain of its own, between the bearer-only API chain (order 1) and the
 * operations chain (order 3): here a session cookie carries the sign-in, so CSRF protection stays on for the forms.
 */
@Configuration(proxyBeanMethods = false)
class InboxSecurity implements WebMvcConfigurer {

    static final Locale DANISH = Locale.forLanguageTag("da");
    static final String SIGNED_OUT = "/inbox/signed-out";

    @Bean
    ClientRegistrationRepository inboxClientRegistrations(InboxProperties properties) {
        return new LazyClientRegistrations(properties.signIn());
    }

    @Bean
    @Order(2)
    SecurityFilterChain inbox(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        http.securityMatcher("/inbox", "/inbox/**", "/login/**", "/oauth2/**", "/logout")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGNED_OUT, "/inbox/css/**").permitAll()
                        .anyRequest().authenticated())
                // with one issuer there is nothing to choose: straight to its login page
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + LazyClientRegistrations.REGISTRATION_ID)
                        .defaultSuccessUrl("/inbox"))
                .logout(logout -> logout.logoutSuccessHandler(signOutAtTheIssuerToo(registrations)));
        return http.build();
    }

    /**
     * Signing out ends the issuer's session as well (OpenID Connect RP-initiated logout), so that the next person at a
     * shared PC must sign in as themselves; the issuer sends the browser back to the signed-out page. An issuer
     * without an {@code end_session_endpoint} ends only the inbox's session.
     */
    private static LogoutSuccessHandler signOutAtTheIssuerToo(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        handler.setDefaultTargetUrl(SIGNED_OUT);
        return handler;
    }

    /** Danish unless the browser prefers English (Accept-Language) or the user chose with {@code ?lang=}. */
    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(InboxSecurity::preferred);
        return resolver;
    }

    private static Locale preferred(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale locale : java.util.Collections.list(request.getLocales())) {
                if ("en".equals(locale.getLanguage())) {
                    return Locale.ENGLISH;
                }
                if ("da".equals(locale.getLanguage())) {
                    return DANISH;
                }
            }
        }
        return DANISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/inbox", "/inbox/**");
    }
}
