package dk.servicepuls.platform.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pseudonymKey Base64 key material (at least 32 bytes) for party references; no default on purpose: a
 *        service that ingests personal identifiers refuses to start without it
 */
@ConfigurationProperties("servicepuls.privacy")
public record PrivacyProperties(String pseudonymKey) {
}
