package io.maap.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.time.Duration;

/**
 * How a service verifies bearer tokens ({@code maap.security.*}): the issuer every token must
 * name, the audience it must include, and where the issuer's public keys are: a JWK set URL
 * (the normal case) or a PEM public key (tests, air-gapped set-ups). A token verified once is
 * trusted without a second signature check for {@code verifiedTokenMaxAge} at most (5 minutes unless
 * set; zero checks every request in full) and never past its expiry ({@link VerifiedTokens}).
 */
@ConfigurationProperties("maap.security")
public record TokenProperties(String issuer, String audience, String jwkSetUri, Resource publicKey,
                              Duration clockSkew, Duration verifiedTokenMaxAge) {

    public TokenProperties {
        if (audience == null || audience.isBlank()) {
            audience = "maap-api";
        }
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(30);
        }
        if (verifiedTokenMaxAge == null) {
            verifiedTokenMaxAge = Duration.ofMinutes(5);
        }
    }
}
