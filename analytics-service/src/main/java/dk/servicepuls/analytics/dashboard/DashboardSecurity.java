package dk.servicepuls.analytics.dashboard;

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
 * The dashboard's browser sign-in and language: a chain of its own (order 2) between the bearer-only API chain and the
 * operations chain. Its style sheet, script and Chart.js are open, so that the signed-out page looks like the rest.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity implements WebMvcConfigurer {

    static final String HOME = "/dashboard";
    static final String SIGNED_OUT = "/dashboard/signed-out";

    @Bean
    ClientRegistrationRepository dashboardClientRegistrations(DashboardProperties properties) {
        return BrowserSignIn.registrations(properties.signIn().client());
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        http.securityMatcher(BrowserSignIn.pathsWithSignIn(HOME, HOME + "/**", "/webjars/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGNED_OUT, HOME + "/assets/**", "/webjars/**").permitAll()
                        .anyRequest().authenticated());
        return BrowserSignIn.signIn(http, registrations, HOME, SIGNED_OUT).build();
    }

    @Bean
    LocaleResolver localeResolver() {
        return PageLanguage.danishFirst();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(PageLanguage.switchWithLangParameter()).addPathPatterns(HOME, HOME + "/**");
    }
}
