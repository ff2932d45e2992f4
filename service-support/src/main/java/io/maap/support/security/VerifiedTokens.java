package io.maap.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;

/**
 * Bearer tokens already verified, so that a caller's next requests with the same token skip the
 * RS256 signature check (7% of a request thread's time in a profile of case-return-service's
 * commands; a client sends the same token until it expires).
 * <p>
 * Keyed by the whole token string, so only the very same token is served from here; a token
 * another way (a different signature, a different claim) is a different key and is verified in
 * full. An entry lasts until the token's {@code exp} (never past it, without the clock skew the
 * validator allows) and at most {@code maxAge}, so a rotated-out signing key stops being honoured
 * within that time for tokens not seen before; a token found here at or past its expiry is
 * dropped and checked again by the delegate, which then refuses it. A failure is never kept: the
 * delegate's exception goes to the caller and the next request with that token is checked again.
 * Bounded by {@code maxTokens} (least recently used dropped first), a few kilobytes each.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /** With the system clock and ticker. */
    public VerifiedTokens(JwtDecoder delegate, Duration maxAge, long maxTokens) {
        this(delegate, maxAge, maxTokens, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** With a clock (read for each token's expiry) and the ticker the cache measures ages by (tests move both). */
    VerifiedTokens(JwtDecoder delegate, Duration maxAge, long maxTokens, Clock clock, Ticker ticker) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .ticker(ticker)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetime(jwt, maxAge)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        if (known != null) {
            verified.invalidate(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Until the token expires, and no longer than {@code maxAge}. */
    private Duration lifetime(Jwt jwt, Duration maxAge) {
        Duration untilExpiry = Duration.between(clock.instant(), jwt.getExpiresAt());
        if (untilExpiry.isNegative()) {
            return Duration.ZERO;
        }
        return untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
    }
}
