package io.maap.support.web;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** 3 requests at once, refilled at 3 a minute; "as at" views 1 a minute. */
    private final RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true,
            new RateLimitProperties.Limit(3, Duration.ofMinutes(1)),
            Map.of("as-at", new RateLimitProperties.Rule(List.of("GET"), List.of("/api/**"), "asAt", 1, Duration.ofMinutes(1))),
            1000), meters, clock);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aBurstOverTheLimitIsRefusedWith429RetryAfterAndAProblemDetailWhileAnotherCallerIsServed() throws Exception {
        as("alice");
        for (int i = 0; i < 3; i++) {
            assertThat(send(get("/api/audits")).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = send(get("/api/audits"));

        assertThat(refused.getStatus()).isEqualTo(429);
        // One token comes back every 20 s.
        assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"type\":\"urn:maap:problem:too-many-requests\"")
                .contains("\"status\":429").contains("\"instance\":\"/api/audits\"").contains("\"limit\":\"general\"");
        assertThat(meters.counter("maap.rate.limit.refusals", "limit", "general").count()).isEqualTo(1);

        as("bob");
        assertThat(send(get("/api/audits")).getStatus()).as("another caller's own bucket").isEqualTo(200);
    }

    @Test
    void theBucketRefillsWithTime() throws Exception {
        as("alice");
        for (int i = 0; i < 3; i++) {
            send(get("/api/audits"));
        }
        assertThat(send(get("/api/audits")).getStatus()).isEqualTo(429);

        nanos.addAndGet(Duration.ofSeconds(20).toNanos());

        assertThat(send(get("/api/audits")).getStatus()).isEqualTo(200);
        assertThat(send(get("/api/audits")).getStatus()).isEqualTo(429);
    }

    @Test
    void unauthenticatedRequestsAreLimitedByRemoteAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(from("10.0.0.1"));
        }
        assertThat(send(from("10.0.0.1")).getStatus()).isEqualTo(429);
        assertThat(send(from("10.0.0.2")).getStatus()).isEqualTo(200);
    }

    @Test
    void aRuleIsTighterOnlyForTheRequestsItNames() throws Exception {
        as("alice");
        assertThat(send(asAt("2026-01-01T00:00:00Z")).getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = send(asAt("2026-01-02T00:00:00Z"));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("\"limit\":\"as-at\"");
        assertThat(meters.counter("maap.rate.limit.refusals", "limit", "as-at").count()).isEqualTo(1);

        assertThat(send(asAt("yesterday")).getStatus()).as("a malformed instant is refused by the handler, cheaply")
                .isEqualTo(200);
        assertThat(send(get("/api/audits")).getStatus()).as("the same caller's other requests").isEqualTo(200);
    }

    @Test
    void aRuleByMethodAndPathMatchesOnlyThose() {
        var rebuild = new RateLimitProperties.Rule(List.of("POST"), List.of("/api/rebuilds"), null, 5, Duration.ofHours(1));
        assertThat(rebuild.matches(new MockHttpServletRequest("POST", "/api/rebuilds"))).isTrue();
        assertThat(rebuild.matches(new MockHttpServletRequest("GET", "/api/rebuilds/current"))).isFalse();
        assertThat(rebuild.matches(new MockHttpServletRequest("GET", "/api/rebuilds"))).isFalse();
    }

    @Test
    void actuatorEndpointsAreNotLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(send(get("/actuator/health/readiness")).getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest() != null).as("passed on exactly when not refused").isEqualTo(response.getStatus() != 429);
        return response;
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    private static MockHttpServletRequest asAt(String instant) {
        MockHttpServletRequest request = get("/api/scorecard");
        request.setParameter("asAt", instant);
        return request;
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = get("/api/audits");
        request.setRemoteAddr(address);
        return request;
    }

    private static void as(String user) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(user).build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt,
                new Caller(user, Set.of(MaapRole.QA_COORDINATOR), null)));
    }
}
