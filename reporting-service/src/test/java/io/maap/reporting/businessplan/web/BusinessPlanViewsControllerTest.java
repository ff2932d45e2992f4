package io.maap.reporting.businessplan.web;

import io.maap.events.actionplan.Rag;
import io.maap.events.auditprogramme.BusinessPlanAdopted;
import io.maap.events.auditprogramme.BusinessPlanAdopted.Priority;
import io.maap.events.auditprogramme.BusinessPlanPriorityRated;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.businessplan.query.AuditLearningViews;
import io.maap.reporting.businessplan.query.BusinessPlanProjection;
import io.maap.reporting.businessplan.query.BusinessPlanViews;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.reporting.projection.query.ViewStoresStubs;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import io.maap.support.web.ProblemDetailsAdvice;
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

import static io.maap.reporting.ProjectionTestSupport.event;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The business-plan views over REST: the scorecard by priority, as of a date, and problem details. */
@WebMvcTest(controllers = BusinessPlanViewsController.class)
@Import({ProblemDetailsAdvice.class, BusinessPlanViews.class, AuditLearningViews.class, BusinessPlanViewsControllerTest.Support.class})
class BusinessPlanViewsControllerTest {

    private static final LocalDate TODAY = LocalDate.of(2015, 6, 30);

    @TestConfiguration
    static class Support {
        @Bean
        Lateness lateness() {
            return new Lateness(WorkingDayCalendar.englandAndWales());
        }
    }

    @Autowired
    WebApplicationContext context;
    @MockitoBean
    ViewStores views;
    @MockitoBean
    io.maap.support.access.AccessRecords accessRecords;
    MockMvc mvc;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @BeforeEach
    void setUp() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("board.member").build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt,
                new Caller("board.member", Set.of(MaapRole.BOARD_MEMBER), null)));
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        ProjectionStore store = ProjectionTestSupport.newStore();
        BusinessPlanProjection projection = new BusinessPlanProjection();
        projection.apply(event(new BusinessPlanAdopted("bp", "Redbridge LSCB", "LSCB Business Plan 2014/15",
                LocalDate.of(2014, 4, 1), LocalDate.of(2015, 3, 31), LocalDate.of(2014, 3, 26), "LSCB Board", "qa",
                List.of(new Priority("2.2", "Safe", "CSE", List.of()))), 0), store);
        projection.apply(event(new BusinessPlanPriorityRated("bp", "2.2", 1, Rag.RED, "Not started", LocalDate.of(2014, 6, 20),
                "LSCB Executive", "board.member"), 1), store);
        projection.apply(event(new BusinessPlanPriorityRated("bp", "2.2", 3, Rag.GREEN, "Strategy launched",
                LocalDate.of(2014, 10, 20), "LSCB Executive", "board.member"), 2), store);
        ViewStoresStubs.over(views, store, TODAY);
    }

    @Test
    void theScorecardByPriorityShowsEachQuartersRagAndTheCurrentOne() throws Exception {
        mvc.perform(get("/api/business-plans/bp/scorecard"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.priorities[0].priorityId").value("2.2"))
                .andExpect(jsonPath("$.priorities[0].ragByQuarter.Q1").value("RED"))
                .andExpect(jsonPath("$.priorities[0].ragByQuarter.Q3").value("GREEN"))
                .andExpect(jsonPath("$.priorities[0].currentRag").value("GREEN"))
                .andExpect(jsonPath("$.priorities[0].lastReason").value("Strategy launched"));
        mvc.perform(get("/api/business-plans/bp/scorecard").param("asOf", "2014-09-30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seenOn").value("2014-09-30"))
                .andExpect(jsonPath("$.priorities[0].currentRag").value("RED"));
    }

    @Test
    void thePlanShowsWhoRatedEachQuarterAndWhy() throws Exception {
        mvc.perform(get("/api/business-plans/bp"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.priorities[0].history[1].ratedBy").value("LSCB Executive"))
                .andExpect(jsonPath("$.priorities[0].history[1].recordedBy").value("board.member"))
                .andExpect(jsonPath("$.priorities[0].history[1].reason").value("Strategy launched"));
        mvc.perform(get("/api/business-plans"))
                .andExpect(jsonPath("$[0].planId").value("bp"))
                .andExpect(jsonPath("$[0].priorities").value(1));
    }

    @Test
    void anUnknownPlanIsAProblemDetailNotFound() throws Exception {
        mvc.perform(get("/api/business-plans/nope/scorecard"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:not-found"))
                .andExpect(jsonPath("$.detail").value("No business plan 'nope'."));
    }

    @Test
    void aTrainingNeedThresholdBelowOneIsABadRequest() throws Exception {
        mvc.perform(get("/api/training-needs").param("minAudits", "0"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/training-needs")).andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
    }
}
