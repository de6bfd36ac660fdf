package dk.servicepuls.platform.signin;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/** The pages' language: Danish unless the browser prefers English (Accept-Language) or the user chose with {@code ?lang=}. */
public final class PageLanguage {

    public static final Locale DANISH = Locale.forLanguageTag("da");

    private PageLanguage() {
    }

    /** Register as the {@code localeResolver} bean; the choice is kept in the session. */
    public static LocaleResolver danishFirst() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(PageLanguage::preferred);
        return resolver;
    }

    /** Add for the pages' paths: {@code ?lang=en} or {@code ?lang=da} switches, anything else is ignored. */
    public static LocaleChangeInterceptor switchWithLangParameter() {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        return change;
    }

    /** {@code en} or {@code da}: the two languages the pages are written in. */
    public static String code(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "da";
    }

    private static Locale preferred(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale locale : Collections.list(request.getLocales())) {
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
}
