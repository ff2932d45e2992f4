package io.maap.reporting.scorecard.web;

import io.maap.reporting.projection.query.ProgrammeViewCache;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.reporting.scorecard.query.ProgrammeTallies;
import io.maap.reporting.scorecard.query.Scorecards;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import io.maap.support.web.ProblemDetailsAdvice;
import io.maap.support.web.RateLimitAutoConfiguration;
import io.maap.support.web.RateLimitFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * reporting-service's own rate-limit rule for views "as at" a past instant (reporting-service.yml):
 * tighter than the general limit, which the same caller's current views still pass.
 */
@WebMvcTest(controllers = ScorecardController.class)
@Import({ProblemDetailsAdvice.class, Scorecards.class, ProgrammeTallies.class, ProgrammeViewCache.class,
        AsAtRateLimitTest.Calendar.class, RateLimitAutoConfiguration.class})
// The rule as reporting-service.yml has it, with its capacity smaller and its period longer, so that
// no token comes back during the test however slowly it runs.
@TestPropertySource(properties = {"spring.config.name=reporting-service", "maap.rate-limit.rules.as-at.capacity=5",
        "maap.rate-limit.rules.as-at.period=1d"})
class AsAtRateLimitTest {

    @TestConfiguration
    static class Calendar {
        @Bean
        WorkingDayCalendar workingDayCalendar() {
            return WorkingDayCalendar.englandAndWales();
        }

        @Bean
        Lateness lateness(WorkingDayCalendar calendar) {
            return new Lateness(calendar);
        }
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    FilterRegistrationBean<RateLimitFilter> rateLimits;
    @MockitoBean
    ViewStores views;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("board.member").build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt,
                new Caller("board.member", Set.of(MaapRole.BOARD_MEMBER), null)));
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(rateLimits.getFilter()).build();
        ProjectionStore store = ProjectionTestSupport.newStore();
        given(views.view(any())).willReturn(new ViewStores.View(store, LocalDate.of(2017, 7, 21), null));
        given(views.view(any(), any())).willReturn(new ViewStores.View(store, LocalDate.of(2017, 7, 21), null));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void asAtViewsHaveATighterLimitThanCurrentOnes() throws Exception {
        for (int i = 1; i <= 5; i++) {
            mvc.perform(get("/api/scorecard").param("asAt", "2017-07-0" + i + "T12:00:00Z")).andExpect(status().isOk());
        }

        String retryAfter = mvc.perform(get("/api/scorecard").param("asAt", "2017-07-01T12:00:00Z"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:too-many-requests"))
                .andExpect(jsonPath("$.limit").value("as-at"))
                .andReturn().getResponse().getHeader("Retry-After");
        // A token comes back every day / 5, less what has passed since the first request.
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 24 * 3600 / 5L);
        mvc.perform(get("/api/scorecard")).andExpect(status().isOk());
        mvc.perform(get("/api/scorecard").param("asAt", "not-an-instant")).andExpect(status().isBadRequest());
    }
}
