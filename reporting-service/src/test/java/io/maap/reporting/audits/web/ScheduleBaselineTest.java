package io.maap.reporting.audits.web;

import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import io.maap.support.web.ProblemDetailsAdvice;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.maap.reporting.ProjectionTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scheduling a challenge day moves the current plan, never the baseline the Executive agreed
 * (issue 18): the schedule shows both and the slippage between them.
 */
@WebMvcTest(controllers = ScheduleController.class)
@Import({ProblemDetailsAdvice.class, ScheduleBaselineTest.Beans.class})
class ScheduleBaselineTest {

    private static final String P = "redbridge-2017-18";
    private static final String A = "rbr-2017-missing";

    static class Beans {
        @org.springframework.context.annotation.Bean
        Lateness lateness() {
            return new Lateness(WorkingDayCalendar.englandAndWales());
        }
    }

    @Autowired
    WebApplicationContext context;
    @MockitoBean
    ViewStores views;
    MockMvc mvc;
    ProjectionStore store;
    private final AuditsProjection projection = new AuditsProjection();

    @BeforeEach
    void setUp() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("qa.coordinator").build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt,
                new Caller("qa.coordinator", Set.of(MaapRole.QA_COORDINATOR), null)));
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        store = ProjectionTestSupport.newStore();
        given(views.view(any())).willReturn(new ViewStores.View(store, LocalDate.of(2017, 9, 1), null));
        given(views.view(any(), any())).willReturn(new ViewStores.View(store, LocalDate.of(2017, 9, 1), null));
        projection.apply(event(new AuditPlanned(A, P, "Children who go missing", "Missing", List.of("7"), "Chair",
                "July - September", List.of(), List.of(), List.of(), List.of(new AuditPlanned.PlannedMilestone(
                        Milestone.CHALLENGE_DAY, new PlannedDate(LocalDate.of(2017, 8, 21), PlannedDate.Precision.WEEK_COMMENCING))),
                List.of()), 0), store);
        projection.apply(event(new ChallengeDayScheduled(A, P, LocalDate.of(2017, 9, 5), "Independent chair",
                LocalDate.of(2017, 9, 1), LocalDate.of(2017, 9, 12), new DeliberateOverride("LSCB Executive", "Summer leave")), 1), store);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void schedulingTheChallengeDayKeepsTheAgreedDateAsTheBaseline() {
        Document milestone = store.mongo().findById(A, Document.class, store.collection(AuditsProjection.AUDITS))
                .get("milestones", Document.class).get("CHALLENGE_DAY", Document.class);
        assertThat(milestone.get("planned", Document.class).getString("date")).isEqualTo("2017-09-05");
        assertThat(milestone.get("baseline", Document.class).getString("date")).isEqualTo("2017-08-21");
        assertThat(milestone.get("baseline", Document.class).getString("precision")).isEqualTo("WEEK_COMMENCING");
    }

    @Test
    void theScheduleShowsTheCurrentPlanBesideTheBaselineAndTheSlippage() throws Exception {
        mvc.perform(get("/api/programmes/" + P + "/schedule")).andExpect(status().isOk())
                .andExpect(jsonPath("$.audits[0].roundTable.planned").value("2017-09-05"))
                .andExpect(jsonPath("$.audits[0].roundTable.baseline").value("2017-08-21"))
                .andExpect(jsonPath("$.audits[0].roundTable.baselinePrecision").value("WEEK_COMMENCING"))
                .andExpect(jsonPath("$.audits[0].roundTable.slippedDays").value(11));
    }
}
