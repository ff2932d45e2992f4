package io.maap.actionplan.learning.web;

import io.maap.actionplan.learning.command.RecordFinding;
import io.maap.actionplan.learning.command.ReportProgress;
import io.maap.support.axon.AxonProblemDetailsAdvice;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.ActorAccess;
import io.maap.support.domain.NotVisible;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import io.maap.support.web.ProblemDetailsAdvice;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The edge of the command side: the day a command happens on, and the id a retry acts on, are set here. */
class LearningCommandControllerTest {

    private static final String FINDING = """
            {"aspect":"recording","kind":"AREA_FOR_IMPROVEMENT","summary":"Gaps","recommendation":"Record",
             "recordedBy":"QA Manager"}""";

    /** 23:30 UTC on 20 July 2017 is already 21 July in London. */
    private final Clock clock = Clock.fixed(Instant.parse("2017-07-20T23:30:00Z"), ZoneId.of("Europe/London"));
    private final CommandGateway commands = mock(CommandGateway.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new LearningCommandController(commands, clock,
                    WorkingDayCalendar.englandAndWales()))
            .setControllerAdvice(new AxonProblemDetailsAdvice(), new ProblemDetailsAdvice())
            .build();

    @Test
    void aFindingSentWithoutADateIsRecordedOnTheServiceClocksDayInLondon() throws Exception {
        mvc.perform(post("/api/audits/rbr-2017-neglect/findings").contentType(MediaType.APPLICATION_JSON).content(FINDING))
                .andExpect(status().isCreated());

        assertThat(sent(1).get(0).recordedOn()).isEqualTo(LocalDate.of(2017, 7, 21));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyActsOnTheSameFinding() throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/api/audits/rbr-2017-neglect/findings").header("Idempotency-Key", "finding-7")
                            .contentType(MediaType.APPLICATION_JSON).content(FINDING))
                    .andExpect(status().isCreated());
        }

        List<RecordFinding> sent = sent(2);
        assertThat(sent.get(1).findingId()).isEqualTo(sent.get(0).findingId());
    }

    @Test
    void aBlankIdempotencyKeyIsRefused() throws Exception {
        mvc.perform(post("/api/audits/rbr-2017-neglect/findings").header("Idempotency-Key", " ")
                        .contentType(MediaType.APPLICATION_JSON).content(FINDING))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Idempotency-Key must not be blank: send a unique key, or leave "
                        + "the header out."));
        verify(commands, never()).sendAndWait(any());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLeadOfficersProgressReportNamesTheirAgencyForTheAggregateToDecide() throws Exception {
        actAs(new Caller("lead.met", Set.of(MaapRole.LEAD_OFFICER), "met-police"));
        mvc.perform(post("/api/audits/rbr-2017-neglect/actions/a1/progress-updates").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rag\":\"GREEN\",\"note\":\"Done\",\"reportedBy\":\"DI Brown\"}"))
                .andExpect(status().isCreated());

        ArgumentCaptor<ReportProgress> captor = ArgumentCaptor.forClass(ReportProgress.class);
        verify(commands).sendAndWait(captor.capture());
        assertThat(captor.getValue().actor()).isEqualTo(ActorAccess.ofAgency("LEAD_OFFICER", "met-police"));
    }

    @Test
    void theAggregatesRefusalOfAnotherAgencysActionIsNotFound() throws Exception {
        actAs(new Caller("lead.met", Set.of(MaapRole.LEAD_OFFICER), "met-police"));
        given(commands.sendAndWait(any(ReportProgress.class))).willThrow(new NotVisible("Audit 'x' has no action 'a1'."))
                .willThrow(new CommandExecutionException("refused", new NotVisible("Audit 'x' has no action 'a1'.")));
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/api/audits/x/actions/a1/progress-updates").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"rag\":\"GREEN\",\"note\":\"Done\",\"reportedBy\":\"DI Brown\"}"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:maap:problem:not-found"))
                    .andExpect(jsonPath("$.detail").value("Audit 'x' has no action 'a1'."));
        }
    }

    private static void actAs(Caller caller) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(caller.userId()).build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt, caller));
    }

    private List<RecordFinding> sent(int count) {
        ArgumentCaptor<RecordFinding> captor = ArgumentCaptor.forClass(RecordFinding.class);
        verify(commands, times(count)).sendAndWait(captor.capture());
        return captor.getAllValues();
    }
}
