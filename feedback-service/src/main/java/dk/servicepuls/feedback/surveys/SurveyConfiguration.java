package dk.servicepuls.feedback.surveys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dk.servicepuls.platform.privacy.PrivacyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The survey links' signing key: {@code servicepuls.surveys.token-key}, or one derived from the pseudonym key. */
@Configuration(proxyBeanMethods = false)
class SurveyConfiguration {

    /**
     * A deployment may give the links a key of their own; without one, it is derived from the pseudonym key with
     * HMAC-SHA256 under a label of its own, so that the local mode and a pilot need no second secret and neither key
     * can be told from the other.
     */
    @Bean
    SurveyTokens surveyTokens(SurveyProperties surveys, PrivacyProperties privacy) {
        if (surveys.tokenKey() != null && !surveys.tokenKey().isBlank()) {
            return new SurveyTokens(surveys.tokenKey());
        }
        if (privacy.pseudonymKey() == null || privacy.pseudonymKey().isBlank()) {
            throw new IllegalStateException("Survey links need a key: set servicepuls.surveys.token-key "
                    + "(or servicepuls.privacy.pseudonym-key, from which one is derived)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(privacy.pseudonymKey()), "HmacSHA256"));
            byte[] derived = mac.doFinal("servicepuls survey links v1".getBytes(StandardCharsets.UTF_8));
            return new SurveyTokens(Base64.getEncoder().encodeToString(derived));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }
}
