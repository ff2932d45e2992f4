package io.maap.support.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.util.AntPathMatcher;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rate limits per caller ({@code maap.rate-limit.*}, docs/security.md): every request outside
 * {@code /actuator} takes a token from the caller's general bucket, and a request a rule names
 * also one from the caller's bucket for that rule (a tighter limit on costly requests).
 *
 * @param enabled    false turns every limit off
 * @param general    the limit on all of a caller's requests
 * @param rules      tighter limits, by name (the name tags the refusals counter)
 * @param maxCallers how many callers' buckets are kept at most (least recently used ones are dropped)
 */
@ConfigurationProperties("maap.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue Limit general,
                                  Map<String, Rule> rules,
                                  @DefaultValue("100000") long maxCallers) {

    public RateLimitProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /** {@code capacity} requests at once, refilled gradually at {@code capacity} per {@code period}. */
    public record Limit(@DefaultValue("10000") long capacity, @DefaultValue("1m") Duration period) {

        public Limit {
            if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive period");
            }
        }
    }

    /**
     * Requests this rule limits: every condition given must hold (methods, Ant-style paths, a
     * query parameter holding an instant, as the handlers would read it), then
     * {@code capacity} per {@code period} per caller.
     */
    public record Rule(List<String> methods, List<String> paths, String instantParameter,
                       @DefaultValue("60") long capacity, @DefaultValue("1m") Duration period) {

        private static final AntPathMatcher PATHS = new AntPathMatcher();
        private static final InstantFormatter INSTANTS = new InstantFormatter();

        public Rule {
            methods = methods == null ? List.of() : List.copyOf(methods);
            paths = paths == null ? List.of() : List.copyOf(paths);
            new Limit(capacity, period);
        }

        public Limit limit() {
            return new Limit(capacity, period);
        }

        boolean matches(HttpServletRequest request) {
            if (!methods.isEmpty() && methods.stream().noneMatch(m -> m.equalsIgnoreCase(request.getMethod()))) {
                return false;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!paths.isEmpty() && paths.stream().noneMatch(p -> PATHS.match(p, path))) {
                return false;
            }
            return instantParameter == null || instantParameter.isBlank() || holdsInstant(request.getParameter(instantParameter));
        }

        /**
         * True when the value binds to an {@code Instant} parameter (the handler then does the
         * costly work); a malformed one is refused with 400 at once and counts only generally.
         */
        private static boolean holdsInstant(String value) {
            if (value == null || value.isBlank()) {
                return false;
            }
            try {
                INSTANTS.parse(value, Locale.ROOT);
                return true;
            } catch (ParseException | RuntimeException e) {
                return false;
            }
        }
    }
}
