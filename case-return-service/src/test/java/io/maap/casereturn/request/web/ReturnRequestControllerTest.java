package io.maap.casereturn.request.web;

import io.maap.casereturn.request.command.RaiseSafeguardingConcern;
import io.maap.casereturn.request.command.SubmitReturn;
import io.maap.casereturn.request.query.ReturnRequestView;
import io.maap.casereturn.request.query.SafeguardingConcernView;
import io.maap.casereturn.request.query.ReturnRequestViews;
import io.maap.casereturn.request.query.ReturnVersionViews;
import io.maap.casereturn.request.query.SafeguardingConcernViews;
import io.maap.support.axon.AxonProblemDetailsAdvice;
import io.maap.support.domain.ActorAccess;
import io.maap.support.domain.NotVisible;
import io.maap.support.domain.RuleViolation;
import io.maap.casereturn.CaseReturnSecurity;
import io.maap.casereturn.access.web.AccessLog;
import io.maap.support.security.ApiSecurityAutoConfiguration;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import io.maap.support.web.IdempotencyKeys;
import io.maap.support.web.ProblemDetailsAdvice;
import org.mockito.ArgumentCaptor;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import java.util.Set;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = {ReturnRequestController.class, SafeguardingConcernController.class},
        properties = {"maap.security.issuer=http://issuer.test", "maap.security.jwk-set-uri=http://issuer.test/jwks"})
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
@Import({ProblemDetailsAdvice.class, AxonProblemDetailsAdvice.class, ReturnRequestControllerTest.FixedClock.class,
        CaseReturnSecurity.class})
class ReturnRequestControllerTest {

    @Autowired
    WebApplicationContext context;
    @MockitoBean
    AccessLog accessLog;
    @MockitoBean
    io.maap.support.access.AccessRecords accessRecords;

    /** Every request of these tests is the QA coordinator's; the security rules themselves are tested elsewhere. */
    @BeforeEach
    void actAsQaCoordinator() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("qa.coordinator").build();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(authentication(new CallerAuthentication(jwt,
                        new Caller("qa.coordinator", Set.of(MaapRole.QA_COORDINATOR), null)))))
                .build();
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2017-07-20T10:00:00Z"), ZoneId.of("Europe/London"));
        }
    }

    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    ReturnRequestViews requests;
    @MockitoBean
    ReturnVersionViews versions;
    @MockitoBean
    SafeguardingConcernViews concerns;

    private static final String CONCERN = """
            {"raisedBy":"DI Brown","summary":"Child missing three times this week"}""";
    private static final String SUBMISSION = """
            {"submittedBy":"SPOC Met","answers":[{"questionId":"q1","answer":"Yes","grade":"good"}]}""";

    @Test
    void aBlankAnswerIsRefusedAsAProblemDetailNamingTheField() throws Exception {
        mvc.perform(post("/api/return-requests/r1/submissions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submittedBy\":\"SPOC\",\"answers\":[{\"questionId\":\"q1\",\"answer\":\" \"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("answers[0].answer"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anUnknownRequestIsNotFound() throws Exception {
        given(requests.findById("nope")).willReturn(Optional.empty());
        given(commands.sendAndWait(any(SubmitReturn.class))).willThrow(new AggregateNotFoundException("nope", "none"));
        mvc.perform(post("/api/return-requests/nope/submissions").contentType(MediaType.APPLICATION_JSON).content(SUBMISSION))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("No return request 'nope'."));
    }

    @Test
    void aSpocsCommandNamesTheirAgencyAndTheRequestsRefusalIsNotFoundLikeAMissingRequest() throws Exception {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("spoc.met-police").build();
        given(commands.sendAndWait(any(SubmitReturn.class))).willThrow(new NotVisible("No return request 'r2'."));
        mvc.perform(post("/api/return-requests/r2/submissions").contentType(MediaType.APPLICATION_JSON).content(SUBMISSION)
                        .with(authentication(new CallerAuthentication(jwt,
                                new Caller("spoc.met-police", Set.of(MaapRole.AGENCY_SPOC), "met-police")))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:not-found"))
                .andExpect(jsonPath("$.detail").value("No return request 'r2'."));
        ArgumentCaptor<SubmitReturn> sent = ArgumentCaptor.forClass(SubmitReturn.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().actor()).isEqualTo(ActorAccess.ofAgency("AGENCY_SPOC", "met-police"));
    }

    @Test
    void theQaCoordinatorEntersAReturnReceivedOnAnEarlierDay() throws Exception {
        given(requests.findById("r1")).willReturn(Optional.of(mock(ReturnRequestView.class)));
        mvc.perform(post("/api/return-requests/r1/submissions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"submittedBy":"SPOC Met","receivedOn":"2017-05-10","answers":[{"questionId":"q1","answer":"Yes"}]}"""))
                .andExpect(status().isOk());
        ArgumentCaptor<SubmitReturn> sent = ArgumentCaptor.forClass(SubmitReturn.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().receivedOn()).isEqualTo(java.time.LocalDate.of(2017, 5, 10));
        assertThat(sent.getValue().submittedAt()).isEqualTo(Instant.parse("2017-07-20T10:00:00Z"));

        mvc.perform(post("/api/return-requests/r1/nil-return").contentType(MediaType.APPLICATION_JSON).content("""
                        {"submittedBy":"SPOC Met","receivedOn":"2017-05-11"}"""))
                .andExpect(status().isOk());
        ArgumentCaptor<io.maap.casereturn.request.command.SubmitNilReturn> nil =
                ArgumentCaptor.forClass(io.maap.casereturn.request.command.SubmitNilReturn.class);
        verify(commands, times(2)).sendAndWait(any());
        verify(commands).sendAndWait(nil.capture());
        assertThat(nil.getValue().receivedOn()).isEqualTo(java.time.LocalDate.of(2017, 5, 11));
    }

    /** A SPOC of {@code agency}, as the token says. */
    private static org.springframework.test.web.servlet.request.RequestPostProcessor spoc(String agency) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("spoc." + agency).build();
        return authentication(new CallerAuthentication(jwt, new Caller("spoc." + agency, Set.of(MaapRole.AGENCY_SPOC), agency)));
    }

    private static SafeguardingConcernView concern(String concernId, String agency, List<String> agenciesToInform) {
        SafeguardingConcernView concern = mock(SafeguardingConcernView.class, org.mockito.Mockito.CALLS_REAL_METHODS);
        org.mockito.Mockito.doReturn(concernId).when(concern).getConcernId();
        org.mockito.Mockito.doReturn(agency).when(concern).getAgency();
        org.mockito.Mockito.doReturn(agenciesToInform).when(concern).getAgenciesToInform();
        org.mockito.Mockito.doReturn("r1").when(concern).getReturnRequestId();
        return concern;
    }

    @Test
    void anAgencyNamedToBeToldSeesThatConcernOnAnotherAgencysRequestAndNoOther() throws Exception {
        ReturnRequestView police = mock(ReturnRequestView.class);
        given(police.getAgency()).willReturn("met-police");
        given(requests.findById("r1")).willReturn(Optional.of(police));
        List<SafeguardingConcernView> raised = List.of(
                concern("told", "met-police", List.of("nelft")), concern("not-told", "met-police", List.of()));
        given(concerns.findByReturnRequestIdOrderByRaisedAtAsc("r1")).willReturn(raised);

        mvc.perform(get("/api/return-requests/r1/safeguarding-concerns").with(spoc("nelft")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].concernId").value("told"));
        mvc.perform(get("/api/return-requests/r1/safeguarding-concerns").with(spoc("met-police")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/return-requests/r1/safeguarding-concerns").with(spoc("bhrut")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No return request 'r1'."));
    }

    @Test
    void theUrgentConcernsOfAnAgencyIncludeThoseNamingItToBeTold() throws Exception {
        List<SafeguardingConcernView> urgent = List.of(
                concern("own", "nelft", List.of()), concern("told", "met-police", List.of("bhrut", "nelft")),
                concern("other", "met-police", List.of("bhrut")));
        given(concerns.findByUrgentTrueOrderByRaisedAtAsc()).willReturn(urgent);
        mvc.perform(get("/api/safeguarding-concerns/urgent").with(spoc("nelft")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].concernId").value(org.hamcrest.Matchers.contains("own", "told")));
        // Asking for another agency's shows none, as before.
        mvc.perform(get("/api/safeguarding-concerns/urgent?agency=met-police").with(spoc("nelft")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aRefusalByABusinessRuleIsAConflictWithItsCode() throws Exception {
        given(requests.findById("r1")).willReturn(Optional.of(mock(ReturnRequestView.class)));
        given(commands.sendAndWait(any(SubmitReturn.class))).willThrow(new CommandExecutionException("refused",
                new RuleViolation("auditor-not-nominated", "Name an independent auditor before submitting the return.")));
        mvc.perform(post("/api/return-requests/r1/submissions").contentType(MediaType.APPLICATION_JSON).content(SUBMISSION))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("auditor-not-nominated"))
                .andExpect(jsonPath("$.detail").value("Name an independent auditor before submitting the return."));
    }

    @Test
    void anIdempotencyKeyGivesARetriedConcernTheSameId() throws Exception {
        given(requests.findById("r1")).willReturn(Optional.of(mock(ReturnRequestView.class)));
        SafeguardingConcernView view = mock(SafeguardingConcernView.class);
        given(view.getConcernId()).willReturn(IdempotencyKeys.idFor(null, "key-1"));
        given(concerns.findByReturnRequestIdOrderByRaisedAtAsc("r1")).willReturn(List.of(view));
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/api/return-requests/r1/safeguarding-concerns").header(IdempotencyKeys.HEADER, "key-1")
                            .contentType(MediaType.APPLICATION_JSON).content(CONCERN))
                    .andExpect(status().isOk());
        }
        ArgumentCaptor<RaiseSafeguardingConcern> raised = ArgumentCaptor.forClass(RaiseSafeguardingConcern.class);
        verify(commands, times(2)).sendAndWait(raised.capture());
        assertThat(raised.getAllValues()).extracting(RaiseSafeguardingConcern::concernId)
                .containsOnly(IdempotencyKeys.idFor(null, "key-1"));
    }

    @Test
    void aBlankIdempotencyKeyIsABadRequest() throws Exception {
        given(requests.findById("r1")).willReturn(Optional.of(mock(ReturnRequestView.class)));
        mvc.perform(post("/api/return-requests/r1/safeguarding-concerns").header(IdempotencyKeys.HEADER, " ")
                        .contentType(MediaType.APPLICATION_JSON).content(CONCERN))
                .andExpect(status().isBadRequest());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anAgencyCodeMustBeWellFormed() throws Exception {
        mvc.perform(get("/api/return-requests").param("agency", "Met Police"))
                .andExpect(status().isBadRequest());
    }
}
