package io.maap.auditprogramme.audit.web;

import io.maap.auditprogramme.AuditProgrammeSecurity;
import io.maap.auditprogramme.audit.command.SendChallengeDayAgenda;
import io.maap.auditprogramme.audit.query.AuditQueries;
import io.maap.auditprogramme.audit.query.AuditView;
import io.maap.auditprogramme.config.PartnershipPolicies;
import io.maap.auditprogramme.programme.query.ProgrammeQueries;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.support.axon.AxonProblemDetailsAdvice;
import io.maap.support.domain.RuleViolation;
import io.maap.support.security.ApiSecurityAutoConfiguration;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import io.maap.support.web.ProblemDetailsAdvice;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/audits/{auditId}/challenge-day/agenda-sent}: who may record it, what the command carries. */
@WebMvcTest(controllers = AuditController.class,
        properties = {"maap.security.issuer=http://issuer.test", "maap.security.jwk-set-uri=http://issuer.test/jwks"})
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
@Import({ProblemDetailsAdvice.class, AxonProblemDetailsAdvice.class, AgendaSentControllerTest.FixedClock.class,
        AuditProgrammeSecurity.class})
class AgendaSentControllerTest {

    private static final String PATH = "/api/audits/rbr-2017-missing/challenge-day/agenda-sent";

    @Autowired
    WebApplicationContext context;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    AuditQueries audits;
    @MockitoBean
    ProgrammeQueries programmes;
    @MockitoBean
    PartnershipPolicies policies;
    @MockitoBean
    CaseReferenceIssuer caseReferences;

    MockMvc mvc;

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2017-08-18T10:00:00Z"), ZoneId.of("Europe/London"));
        }
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        AuditView view = new AuditView();
        view.auditId = "rbr-2017-missing";
        given(audits.find("rbr-2017-missing")).willReturn(Optional.of(view));
    }

    private static RequestPostProcessor as(Caller caller) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(caller.userId()).build();
        return authentication(new CallerAuthentication(jwt, caller));
    }

    private static final Caller QA = new Caller("qa.coordinator", Set.of(MaapRole.QA_COORDINATOR), null);

    @Test
    void theQaCoordinatorRecordsTheAgendaSentTodayAsSentByThem() throws Exception {
        mvc.perform(post(PATH).with(as(QA)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.auditId").value("rbr-2017-missing"));
        ArgumentCaptor<SendChallengeDayAgenda> sent = ArgumentCaptor.forClass(SendChallengeDayAgenda.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new SendChallengeDayAgenda("rbr-2017-missing", LocalDate.of(2017, 8, 18),
                "qa.coordinator", null, LocalDate.of(2017, 8, 18)));
    }

    @Test
    void theLeadOfTheAuditRecordsALateAgendaWithWhoAndWhyOnAnEarlierDay() throws Exception {
        Caller lead = new Caller("lead.rbr", Set.of(MaapRole.AUDIT_LEAD), null, "rbr-2017-missing");
        mvc.perform(post(PATH).with(as(lead)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"sentOn":"2017-08-17","override":{"decidedBy":" QA chair ","reason":"Analysis late"}}"""))
                .andExpect(status().isOk());
        ArgumentCaptor<SendChallengeDayAgenda> sent = ArgumentCaptor.forClass(SendChallengeDayAgenda.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new SendChallengeDayAgenda("rbr-2017-missing", LocalDate.of(2017, 8, 17),
                "lead.rbr", new DeliberateOverride("QA chair", "Analysis late"), LocalDate.of(2017, 8, 18)));
    }

    @Test
    void theLeadOfAnotherAuditAndAnAgencySpocMayNot() throws Exception {
        Caller otherLead = new Caller("lead.other", Set.of(MaapRole.AUDIT_LEAD), null, "another-audit");
        Caller spoc = new Caller("spoc.met-police", Set.of(MaapRole.AGENCY_SPOC), "met-police");
        mvc.perform(post(PATH).with(as(otherLead)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(PATH).with(as(spoc)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aLateAgendaWithoutWhoAndWhyIsAProblemDetail() throws Exception {
        given(commands.sendAndWait(any(SendChallengeDayAgenda.class))).willThrow(new RuleViolation("agenda-late",
                "The agenda was due by 2017-08-16; a later agenda needs who decided it and why."));
        mvc.perform(post(PATH).with(as(QA)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("agenda-late"));
    }

    @Test
    void anOverrideWithoutAReasonIsRefusedBeforeAnyCommand() throws Exception {
        mvc.perform(post(PATH).with(as(QA)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"override\":{\"decidedBy\":\"QA chair\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("override.reason"));
        verify(commands, never()).sendAndWait(any());
    }
}
