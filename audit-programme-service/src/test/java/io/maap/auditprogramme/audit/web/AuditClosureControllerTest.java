package io.maap.auditprogramme.audit.web;

import io.maap.auditprogramme.AuditProgrammeSecurity;
import io.maap.auditprogramme.audit.command.CloseAudit;
import io.maap.auditprogramme.audit.command.EvaluateSuccessMeasure;
import io.maap.auditprogramme.audit.command.PlanAudit;
import io.maap.auditprogramme.audit.command.RecordDissemination;
import io.maap.auditprogramme.audit.command.SetSuccessMeasures;
import io.maap.auditprogramme.audit.query.AuditQueries;
import io.maap.auditprogramme.audit.query.AuditView;
import io.maap.auditprogramme.config.PartnershipPolicies;
import io.maap.auditprogramme.programme.query.ProgrammeQueries;
import io.maap.events.auditprogramme.AuditLearningDisseminated.Channel;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated.Outcome;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet.SuccessMeasure;
import io.maap.support.axon.AxonProblemDetailsAdvice;
import io.maap.support.domain.RuleViolation;
import io.maap.support.security.ApiSecurityAutoConfiguration;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import io.maap.support.web.ProblemDetailsAdvice;
import org.axonframework.commandhandling.CommandExecutionException;
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
import java.util.List;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Success measures and dissemination over REST, and the closure refused in a problem detail a person can act on. */
@WebMvcTest(controllers = AuditController.class,
        properties = {"maap.security.issuer=http://issuer.test", "maap.security.jwk-set-uri=http://issuer.test/jwks"})
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
@Import({ProblemDetailsAdvice.class, AxonProblemDetailsAdvice.class, AuditProgrammeSecurity.class,
        AuditClosureControllerTest.FixedClock.class})
class AuditClosureControllerTest {

    private static final String AUDIT = "rbr-2017-neglect";
    private static final LocalDate TODAY = LocalDate.of(2018, 6, 30);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2018-06-30T10:00:00Z"), ZoneId.of("Europe/London"));
        }
    }

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

    @BeforeEach
    void anAuditExists() {
        AuditView view = new AuditView();
        view.auditId = AUDIT;
        given(audits.find(AUDIT)).willReturn(Optional.of(view));
        given(programmes.exists("redbridge-2017-18")).willReturn(true);
    }

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static RequestPostProcessor qa() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("qa.manager").build();
        return authentication(new CallerAuthentication(jwt, new Caller("qa.manager", Set.of(MaapRole.QA_COORDINATOR), null)));
    }

    @Test
    void successMeasuresAreSetWhenTheAuditIsPlannedByTheCaller() throws Exception {
        mvc().perform(post("/api/programmes/redbridge-2017-18/audits").with(qa()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"auditId":"rbr-2017-neglect","title":"Neglect","theme":"Neglect","businessPlanPriorities":["3"],
                                 "leadOfficer":"Chair of LIG","timescale":"April - June 2017",
                                 "successMeasures":[{"measureId":"briefings","description":" Learning disseminated through Multi-Agency Briefings "}]}"""))
                .andExpect(status().isCreated());
        ArgumentCaptor<PlanAudit> sent = ArgumentCaptor.forClass(PlanAudit.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().successMeasures())
                .containsExactly(new SuccessMeasure("briefings", "Learning disseminated through Multi-Agency Briefings"));
        assertThat(sent.getValue().plannedBy()).isEqualTo("qa.manager");
    }

    @Test
    void measuresAreReplacedWithPut() throws Exception {
        mvc().perform(put("/api/audits/rbr-2017-neglect/success-measures").with(qa()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measures\":[{\"measureId\":\"website\",\"description\":\"Published on the LSCB website\"}]}"))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(new SetSuccessMeasures(AUDIT,
                List.of(new SuccessMeasure("website", "Published on the LSCB website")), "qa.manager"));
    }

    @Test
    void anEvaluationNeedsAnOutcomeAndEvidence() throws Exception {
        mvc().perform(post("/api/audits/rbr-2017-neglect/success-measures/briefings/evaluation").with(qa())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"SOMEWHAT\",\"evidence\":\" \",\"evaluatedOn\":\"2018-04-10\",\"evaluatedBy\":\"QA\"}"))
                .andExpect(status().isBadRequest());
        mvc().perform(post("/api/audits/rbr-2017-neglect/success-measures/briefings/evaluation").with(qa())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"PARTLY_MET\",\"evidence\":\" \",\"evaluatedOn\":\"2018-04-10\",\"evaluatedBy\":\"QA\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("evidence"));
        verify(commands, never()).sendAndWait(any());
        mvc().perform(post("/api/audits/rbr-2017-neglect/success-measures/briefings/evaluation").with(qa())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"PARTLY_MET\",\"evidence\":\"64 practitioners briefed\",\"evaluatedOn\":\"2018-04-10\","
                                + "\"evaluatedBy\":\"QA Sub-Group\"}"))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(new EvaluateSuccessMeasure(AUDIT, "briefings", Outcome.PARTLY_MET, "64 practitioners briefed",
                LocalDate.of(2018, 4, 10), "QA Sub-Group", "qa.manager", TODAY));
    }

    @Test
    void aDisseminationSaysWhatToWhomAndWhenThroughAKnownChannel() throws Exception {
        String body = """
                {"disseminationId":"newsletter-1","channel":"NEWSLETTER","what":"Key learning on neglect care plans",
                 "sentTo":"LSCB newsletter readers","sentOn":"2017-10-02"}""";
        mvc().perform(post("/api/audits/rbr-2017-neglect/disseminations").with(qa()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("NEWSLETTER", "CARRIER_PIGEON")))
                .andExpect(status().isBadRequest());
        mvc().perform(post("/api/audits/rbr-2017-neglect/disseminations").with(qa()).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        verify(commands).sendAndWait(new RecordDissemination(AUDIT, "newsletter-1", Channel.NEWSLETTER,
                "Key learning on neglect care plans", "LSCB newsletter readers", LocalDate.of(2017, 10, 2), "qa.manager", TODAY));
    }

    @Test
    void closingWithAnUnevaluatedMeasureIsRefusedSayingWhich() throws Exception {
        given(commands.sendAndWait(any(CloseAudit.class))).willThrow(new CommandExecutionException("refused",
                new RuleViolation("success-measures-unevaluated", "Audit rbr-2017-neglect cannot close while success "
                        + "measures are not evaluated: briefings. Evaluate each as met, partly met or not met, with its evidence.")));
        mvc().perform(post("/api/audits/rbr-2017-neglect/closed").with(qa()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"closedOn\":\"2018-04-17\",\"closedBy\":\"QA Sub-Group\",\"evaluation\":\"Plans now SMART\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:success-measures-unevaluated"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("briefings")));
    }

    @Test
    void anUnknownAuditIsNotFound() throws Exception {
        given(audits.find("nope")).willReturn(Optional.empty());
        mvc().perform(post("/api/audits/nope/disseminations").with(qa()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"disseminationId\":\"d\",\"channel\":\"WEBSITE\",\"what\":\"w\",\"sentTo\":\"s\",\"sentOn\":\"2017-10-02\"}"))
                .andExpect(status().isNotFound());
        verify(commands, never()).sendAndWait(any());
    }
}
