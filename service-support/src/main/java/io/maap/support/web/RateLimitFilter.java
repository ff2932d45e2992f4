package io.maap.support.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rate limits per caller, with Bucket4j's token buckets: the caller is the authenticated user
 * (the token's {@code sub}), or for a request without one the remote address. Every request but
 * {@code /actuator/**} takes a token from the caller's general bucket and, where a
 * {@link RateLimitProperties.Rule} names it, one from the caller's bucket for that rule. A request
 * finding a bucket empty is refused with 429, a problem detail and {@code Retry-After} (whole
 * seconds until a token is back), and counted in {@code maap.rate.limit.refusals} (tag {@code limit}).
 * Buckets live in a Caffeine cache bounded by {@code maxCallers}, each dropped once unused for
 * longer than its limit takes to refill (it would be full again by then anyway).
 * Runs after Spring Security, so that the caller is known; a request security refuses (401, 403)
 * does no work and is not counted.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    static final String GENERAL = "general";

    private final Map<String, RateLimitProperties.Limit> limits = new LinkedHashMap<>();
    private final Map<String, RateLimitProperties.Rule> rules;
    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;
    private final MeterRegistry meters;

    public RateLimitFilter(RateLimitProperties properties, MeterRegistry meters) {
        this(properties, meters, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimitFilter(RateLimitProperties properties, MeterRegistry meters, TimeMeter time) {
        this.rules = properties.rules();
        this.limits.put(GENERAL, properties.general());
        rules.forEach((name, rule) -> limits.put(name, rule.limit()));
        Duration longest = limits.values().stream().map(RateLimitProperties.Limit::period).max(Duration::compareTo)
                .orElseThrow();
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxCallers()).expireAfterAccess(longest).build();
        this.time = time;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller = caller(request);
        List<String> applying = new ArrayList<>();
        rules.forEach((name, rule) -> {
            if (rule.matches(request)) {
                applying.add(name);
            }
        });
        applying.add(GENERAL);
        for (String limit : applying) {
            ConsumptionProbe probe = bucket(caller, limit).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                refuse(request, response, limit, probe.getNanosToWaitForRefill());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user the request is authenticated as, else the address it came from. */
    static String caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "user:" + authentication.getName();
        }
        return "address:" + request.getRemoteAddr();
    }

    private Bucket bucket(String caller, String limit) {
        return buckets.get(limit + "|" + caller, key -> {
            RateLimitProperties.Limit l = limits.get(limit);
            return Bucket.builder()
                    .addLimit(b -> b.capacity(l.capacity()).refillGreedy(l.capacity(), l.period()))
                    .withCustomTimePrecision(time)
                    .build();
        });
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String limit, long nanosToWait)
            throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1));
        Counter.builder("maap.rate.limit.refusals").description("Requests refused with 429 by a per-caller rate limit")
                .tag("limit", limit).register(meters).increment();
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Too many requests", "You have sent too many requests" + (GENERAL.equals(limit) ? "" : " of this kind")
                        + "; try again in " + seconds + " s.");
        problem.setProperty("limit", limit);
        problem.setProperty("retryAfterSeconds", seconds);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // an odd path: the problem goes out without its instance
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemWriter.write(response, problem);
    }
}
