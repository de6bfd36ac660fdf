package dk.servicepuls.escalation.inbox;

import java.util.Locale;

import dk.servicepuls.platform.signin.BrowserSignIn;
import dk.servicepuls.platform.signin.PageLanguage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The inbox's browser sign-in and language: a chain of its own (order 2) between the bearer-only API chain and the
 * operations chain.
 */
@Configuration(proxyBeanMethods = false)
class InboxSecurity implements WebMvcConfigurer {

    static final Locale DANISH = PageLanguage.DANISH;
    static final String SIGNED_OUT = "/inbox/signed-out";

    @Bean
    ClientRegistrationRepository inboxClientRegistrations(InboxProperties properties) {
        return BrowserSignIn.registrations(properties.signIn().client());
    }

    @Bean
    @Order(2)
    SecurityFilterChain inbox(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        http.securityMatcher(BrowserSignIn.pathsWithSignIn("/inbox", "/inbox/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGNED_OUT, "/inbox/css/**").permitAll()
                        .anyRequest().authenticated());
        return BrowserSignIn.signIn(http, registrations, "/inbox", SIGNED_OUT).build();
    }

    @Bean
    LocaleResolver localeResolver() {
        return PageLanguage.danishFirst();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(PageLanguage.switchWithLangParameter()).addPathPatterns("/inbox", "/inbox/**");
    }
}
