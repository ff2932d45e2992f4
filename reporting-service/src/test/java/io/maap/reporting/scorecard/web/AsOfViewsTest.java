package io.maap.reporting.scorecard.web;

import io.maap.reporting.projection.query.ProgrammeViewCache;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.concerns.query.ConcernsProjection;
import io.maap.reporting.concerns.web.ConcernsController;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.reporting.projection.query.ViewStoresStubs;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.reporting.scorecard.query.BoardFeed;
import io.maap.reporting.scorecard.query.ProgrammeTallies;
import io.maap.reporting.scorecard.query.Scorecards;
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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "As of" a date through the API (issue 18): the scorecard, agency compliance, the board feed and
 * the safeguarding concerns take {@code asOf=<date>} and show the position on that date from the
 * business dates the read models hold, although everything was entered today.
 */
@WebMvcTest(controllers = {ScorecardController.class, ComplianceController.class, BoardFeedController.class,
        ConcernsController.class})
@Import({ProblemDetailsAdvice.class, Scorecards.class, ProgrammeTallies.class, ProgrammeViewCache.class,
        BoardFeed.class, AsOfViewsTest.Support.class})
class AsOfViewsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @TestConfiguration
    static class Support {
        @Bean
        Lateness lateness() {
            return new Lateness(WorkingDayCalendar.englandAndWales());
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneId.of("Europe/London"));
        }
    }

    @Autowired
    WebApplicationContext context;
    @MockitoBean
    ViewStores views;
    @MockitoBean
    io.maap.support.access.AccessRecords accessRecords;
    MockMvc mvc;
    ProjectionStore store;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @BeforeEach
    void setUp() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("qa.coordinator").build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt,
                new Caller("qa.coordinator", Set.of(MaapRole.QA_COORDINATOR), null)));
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        store = ProjectionTestSupport.newStore();
        store.mongo().insert(List.of(
                request("r1", "met-police").append("received", true).append("awaitingAgency", false)
                        .append("status", "ACCEPTED").append("firstSubmittedOn", "2017-07-20").append("firstWorkingDaysLate", 0),
                request("r2", "nelft").append("received", true).append("awaitingAgency", false)
                        .append("status", "ACCEPTED").append("firstSubmittedOn", "2017-08-01").append("firstWorkingDaysLate", 7)),
                store.collection(ReturnsProjection.RETURNS));
        store.mongo().insert(List.of(new Document("_id", "a1").append("programmeId", "p1").append("title", "Neglect")
                .append("stage", "CLOSED").append("milestones", new Document("TOOL_SENT", new Document("planned",
                        new Document("date", "2017-07-03").append("precision", "DAY")).append("actual", "2017-07-03"))
                        .append("CLOSED", new Document("planned", new Document("date", "2018-04-01").append("precision", "MONTH"))
                                .append("actual", "2018-04-20")))),
                store.collection(AuditsProjection.AUDITS));
        store.mongo().insert(List.of(new Document("_id", "r1/c1").append("concernId", "c1").append("returnRequestId", "r1")
                .append("programmeId", "p1").append("auditId", "a1").append("caseReference", "C1").append("agency", "met-police")
                .append("raisedBy", "auditor").append("raisedAt", "2017-07-12T10:00:00Z").append("summary", "Child at risk")
                .append("open", false).append("acknowledgedBy", "met-police-lead")
                .append("acknowledgedAt", "2017-07-14T09:00:00Z")), store.collection(ConcernsProjection.CONCERNS));
        ViewStoresStubs.over(views, store, TODAY);
    }

    private static Document request(String id, String agency) {
        return new Document("_id", id).append("programmeId", "p1").append("auditId", "a1").append("agency", agency)
                .append("caseReference", "C1").append("requestedOn", "2017-07-03").append("originalDueDate", "2017-07-21")
                .append("dueDate", "2017-07-21").append("nil", false).append("sentBackCount", 0);
    }

    @Test
    void theScorecardAsOfADateShowsTheReturnsReceivedAndOverdueThatDay() throws Exception {
        mvc.perform(get("/api/scorecard").param("programmeId", "p1").param("asOf", "2017-07-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seenOn").value("2017-07-24"))
                .andExpect(jsonPath("$.figures.returns.received").value(1))
                .andExpect(jsonPath("$.figures.returns.overdue").value(1));
        mvc.perform(get("/api/scorecard/by-audit").param("programmeId", "p1").param("asOf", "2017-07-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].stage").value("COMMISSIONED"));
        mvc.perform(get("/api/scorecard").param("programmeId", "p1"))
                .andExpect(jsonPath("$.figures.returns.received").value(2))
                .andExpect(jsonPath("$.figures.returns.overdue").value(0));
    }

    @Test
    void complianceAsOfADateRanksTheAgenciesAsTheyStoodThen() throws Exception {
        mvc.perform(get("/api/agency-compliance").param("programmeId", "p1").param("asOf", "2017-07-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2017-07-24"))
                .andExpect(jsonPath("$.items[0].agency").value("met-police"))
                .andExpect(jsonPath("$.items[1].agency").value("nelft"))
                .andExpect(jsonPath("$.items[1].returnsReceived").value(0))
                .andExpect(jsonPath("$.items[1].returnsOverdue").value(1));
    }

    @Test
    void theBoardFeedAsOfADateIsSeenOnThatDate() throws Exception {
        mvc.perform(get("/api/board-scorecard/p1").param("asOf", "2017-07-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seenOn").value("2017-07-24"))
                .andExpect(jsonPath("$.audits[0].stage").value("COMMISSIONED"))
                .andExpect(jsonPath("$.programme.returns.overdue").value(1));
        mvc.perform(get("/api/board-scorecard/p1.csv").param("asOf", "2017-07-24"))
                .andExpect(status().isOk());
    }

    @Test
    void concernsAsOfADateAreThoseRaisedByThenOpenUnlessAcknowledgedByThen() throws Exception {
        mvc.perform(get("/api/safeguarding-concerns").param("asOf", "2017-07-11"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/safeguarding-concerns").param("asOf", "2017-07-13"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2017-07-13"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].open").value(true))
                .andExpect(jsonPath("$.items[0].acknowledgedBy").doesNotExist());
        mvc.perform(get("/api/safeguarding-concerns").param("asOf", "2017-07-14"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/safeguarding-concerns").param("asOf", "2017-07-14").param("open", "false"))
                .andExpect(jsonPath("$.items[0].open").value(false));
        mvc.perform(get("/api/safeguarding-concerns"))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anAgencyNamedAmongThoseToBeToldSeesTheConcernAndNoOtherAgencyDoes() throws Exception {
        store.mongo().insert(List.of(new Document("_id", "r2/c2").append("concernId", "c2").append("returnRequestId", "r2")
                .append("programmeId", "p1").append("auditId", "a1").append("caseReference", "C2").append("agency", "met-police")
                .append("raisedBy", "auditor").append("raisedAt", "2026-12-01T10:00:00Z").append("summary", "Unsafe discharge")
                .append("category", "UNSAFE_PRACTICE").append("agenciesToInform", List.of("nelft")).append("open", true)),
                store.collection(ConcernsProjection.CONCERNS));
        signedInAs("spoc.nelft", "nelft");
        mvc.perform(get("/api/safeguarding-concerns")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].concernId").value("c2"));
        signedInAs("spoc.bhrut", "bhrut");
        mvc.perform(get("/api/safeguarding-concerns")).andExpect(jsonPath("$.total").value(0));
        signedInAs("spoc.met-police", "met-police");
        mvc.perform(get("/api/safeguarding-concerns")).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/safeguarding-concerns").param("agency", "nelft")).andExpect(jsonPath("$.total").value(0));
    }

    private void signedInAs(String user, String agency) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(user).build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt,
                new Caller(user, Set.of(MaapRole.AGENCY_SPOC), agency)));
    }
}
