package io.maap.reporting.returns.web;

import io.maap.reporting.projection.query.ProgrammeViewCache;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.audits.web.ScheduleController;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.learning.web.LearningController;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.reporting.scorecard.query.ProgrammeTallies;
import io.maap.reporting.scorecard.query.Scorecards;
import io.maap.reporting.scorecard.web.ComplianceController;
import io.maap.reporting.scorecard.web.ScorecardController;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
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

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One definition of lateness in every view (issue 18): a return due on Friday 21 July 2017 and not
 * in is not overdue on the Saturday in the scorecard, the compliance table, the matrix or the
 * overdue list, and is overdue, one working day late, in all of them on the Monday.
 */
@WebMvcTest(controllers = {ScorecardController.class, ComplianceController.class, ScheduleController.class,
        OutstandingReturnsController.class, LearningController.class})
@Import({ProblemDetailsAdvice.class, Scorecards.class, ProgrammeTallies.class, ProgrammeViewCache.class,
        LatenessViewsTest.Calendar.class})
class LatenessViewsTest {

    private static final LocalDate FRIDAY = LocalDate.of(2017, 7, 21);

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
    @MockitoBean
    ViewStores views;
    MockMvc mvc;
    ProjectionStore store;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @BeforeEach
    void setUp() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("qa.coordinator").build();
        // The QA coordinator's view; the security rules themselves are tested elsewhere.
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt,
                new Caller("qa.coordinator", Set.of(MaapRole.QA_COORDINATOR), null)));
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        store = ProjectionTestSupport.newStore();
        store.mongo().insert(List.of(new Document("_id", "r1").append("programmeId", "p1").append("auditId", "a1")
                .append("caseReference", "C1").append("agency", "nelft").append("status", "OUTSTANDING")
                .append("received", false).append("awaitingAgency", true).append("requestedOn", "2017-06-30")
                .append("dueDate", FRIDAY.toString())), store.collection(ReturnsProjection.RETURNS));
        store.mongo().insert(List.of(new Document("_id", "a1/x1").append("actionId", "x1").append("planId", "pl1")
                .append("programmeId", "p1").append("auditId", "a1").append("owningAgency", "nelft")
                .append("description", "Re-audit").append("dueDate", FRIDAY.toString()).append("addedOn", "2017-06-30")
                .append("open", true).append("history", List.of())), store.collection(LearningProjection.ACTIONS));
    }

    @Test
    void anActionDueOnAFridayIsNotOverdueOnTheSaturdayButIsOnTheMondayInTheScorecardAndTheTracker() throws Exception {
        seenOn(FRIDAY.plusDays(1));
        mvc.perform(get("/api/scorecard").param("programmeId", "p1"))
                .andExpect(jsonPath("$.figures.actions.overdue").value(0));
        mvc.perform(get("/api/actions")).andExpect(jsonPath("$.items[0].overdue").value(false));
        seenOn(FRIDAY.plusDays(3));
        mvc.perform(get("/api/scorecard").param("programmeId", "p1"))
                .andExpect(jsonPath("$.figures.actions.overdue").value(1));
        mvc.perform(get("/api/agency-compliance").param("programmeId", "p1"))
                .andExpect(jsonPath("$.items[0].actionsOverdue").value(1));
        mvc.perform(get("/api/actions")).andExpect(jsonPath("$.items[0].overdue").value(true));
    }

    private void seenOn(LocalDate day) {
        given(views.view(any())).willReturn(new ViewStores.View(store, day, null));
        given(views.view(any(), any())).willReturn(new ViewStores.View(store, day, null));
    }

    @Test
    void theSaturdayAfterAFridayDeadlineIsNotOverdueInAnyView() throws Exception {
        seenOn(FRIDAY.plusDays(1));
        mvc.perform(get("/api/scorecard").param("programmeId", "p1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.returns.outstanding").value(1))
                .andExpect(jsonPath("$.figures.returns.overdue").value(0));
        mvc.perform(get("/api/agency-compliance").param("programmeId", "p1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].returnsOverdue").value(0));
        mvc.perform(get("/api/audits/a1/matrix")).andExpect(status().isOk())
                .andExpect(jsonPath("$.cases.C1.nelft.overdue").value(false));
        mvc.perform(get("/api/outstanding-returns").param("overdue", "true")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void theMondayAfterAFridayDeadlineIsOverdueOneWorkingDayLateInEveryView() throws Exception {
        seenOn(FRIDAY.plusDays(3));
        mvc.perform(get("/api/scorecard").param("programmeId", "p1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.returns.overdue").value(1));
        mvc.perform(get("/api/agency-compliance").param("programmeId", "p1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].returnsOverdue").value(1));
        mvc.perform(get("/api/audits/a1/matrix")).andExpect(status().isOk())
                .andExpect(jsonPath("$.cases.C1.nelft.overdue").value(true));
        mvc.perform(get("/api/outstanding-returns").param("overdue", "true")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].workingDaysLate").value(1));
    }
}
