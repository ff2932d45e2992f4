package io.maap.support.security;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verified-token cache in front of the real RS256 decoder and the service's validators, on a
 * clock the test moves: only the very same token, still within its expiry and the maximum age, is
 * served without being verified again.
 */
class VerifiedTokensTest {

    private static final String ISSUER = "https://id.example/realms/maap";
    private static final RSAKey KEY = key();

    /** Starts at the real time: the service's validators check timestamps on the system clock too. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifying = verifyingDecoder();
    private final VerifiedTokens tokens = new VerifiedTokens(token -> {
        verifications.incrementAndGet();
        return verifying.decode(token);
    }, Duration.ofMinutes(5), 100, clock, () -> now.get().toEpochMilli() * 1_000_000);

    @Test
    void theSameTokenIsVerifiedOnceWhileItIsValid() {
        String token = token("alice", ISSUER, Duration.ofHours(1));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("alice");
        later(Duration.ofMinutes(2));
        assertThat(tokens.decode(token).getSubject()).isEqualTo("alice");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenIsNotServedFromTheCacheAndIsRefusedOnceThePermittedSkewIsPast() {
        String token = token("alice", ISSUER, Duration.ofMinutes(1));
        tokens.decode(token);

        later(Duration.ofSeconds(61));
        tokens.decode(token);
        assertThat(verifications).as("past exp, verified again (the validator allows 30 s of skew)").hasValue(2);

        later(Duration.ofSeconds(60));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheMaximumAgeEvenBeforeItExpires() {
        String token = token("alice", ISSUER, Duration.ofHours(1));
        tokens.decode(token);

        later(Duration.ofMinutes(5).plusSeconds(1));
        tokens.decode(token);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void anotherTokenIsNotConfusedWithOneVerified() {
        String alice = token("alice", ISSUER, Duration.ofHours(1));
        String bob = token("bob", ISSUER, Duration.ofHours(1));

        assertThat(tokens.decode(alice).getSubject()).isEqualTo("alice");
        assertThat(tokens.decode(bob).getSubject()).isEqualTo("bob");
        assertThat(tokens.decode(alice).getSubject()).isEqualTo("alice");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aNewTokenIsValidatedInFullAndAFailureIsNeverKept() {
        tokens.decode(token("alice", ISSUER, Duration.ofHours(1)));
        String foreign = token("alice", "https://elsewhere.example", Duration.ofHours(1));
        String good = token("carol", ISSUER, Duration.ofHours(1));
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> tokens.decode(foreign)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(foreign)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);

        assertThat(verifications).hasValue(4);
        assertThat(tokens.decode(good).getSubject()).isEqualTo("carol");
    }

    private void later(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    private String token(String subject, String issuer, Duration lifetime) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject(subject).audience(List.of("maap-api"))
                .issuedAt(now.get()).expiresAt(now.get().plus(lifetime)).claim("roles", List.of("QA_COORDINATOR")).build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }

    /** The service's decoder and validators, their timestamps on the test's clock. */
    private JwtDecoder verifyingDecoder() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
            TokenProperties properties = new TokenProperties(ISSUER, null, null, null, null, null);
            JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
            timestamps.setClock(clock);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<Jwt>(timestamps, ApiSecurityAutoConfiguration.validator(properties)));
            return decoder;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
