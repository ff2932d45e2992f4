package io.maap.auditprogramme.businessplan.web;

import io.maap.auditprogramme.AuditProgrammeSecurity;
import io.maap.auditprogramme.businessplan.command.AdoptBusinessPlan;
import io.maap.auditprogramme.businessplan.command.LinkToPriority;
import io.maap.auditprogramme.businessplan.command.RatePriority;
import io.maap.events.actionplan.Rag;
import io.maap.events.auditprogramme.BusinessPlanItemLinked;
import io.maap.support.axon.AxonProblemDetailsAdvice;
import io.maap.support.domain.RuleViolation;
import io.maap.support.security.ApiSecurityAutoConfiguration;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import io.maap.support.web.ProblemDetailsAdvice;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

/** The business plan over REST: validation, problem details, roles, and the caller recorded on every change. */
@WebMvcTest(controllers = BusinessPlanController.class,
        properties = {"maap.security.issuer=http://issuer.test", "maap.security.jwk-set-uri=http://issuer.test/jwks"})
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
@Import({ProblemDetailsAdvice.class, AxonProblemDetailsAdvice.class, AuditProgrammeSecurity.class,
        BusinessPlanControllerTest.FixedClock.class})
class BusinessPlanControllerTest {

    private static final String PLAN = """
            {"planId":"redbridge-bp-2014-15","partnership":"Redbridge LSCB","title":"LSCB Business Plan 2014/15",
             "periodStart":"2014-04-01","periodEnd":"2015-03-31","adoptedOn":"2014-03-26","adoptedBy":"LSCB Board",
             "priorities":[{"priorityId":"2.2","strategicTheme":"Enabling children and young people to be safe",
               "title":"To address the issues of CSE","actions":[{"actionId":"2.2.1","ref":"2.2.1",
               "action":"To finalise the CSE strategy for the Borough.","lead":"Chair of CSE Sub Group","byWhen":"June 2014",
               "measure":" "}]}]}""";
    private static final String RATING = """
            {"quarter":2,"rag":"AMBER","reason":"Strategy drafted","ratedOn":"2014-07-15","ratedBy":"LSCB Executive"}""";

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2015-06-30T10:00:00Z"), ZoneId.of("Europe/London"));
        }
    }

    @Autowired
    WebApplicationContext context;
    @MockitoBean
    CommandGateway commands;

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static RequestPostProcessor as(String user, MaapRole role) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(user).build();
        return authentication(new CallerAuthentication(jwt, new Caller(user, Set.of(role), null)));
    }

    @Test
    void theQaCoordinatorEntersThePlanAndIsRecordedAsEnteringIt() throws Exception {
        mvc().perform(post("/api/business-plans").contentType(MediaType.APPLICATION_JSON).content(PLAN)
                        .with(as("qa.manager", MaapRole.QA_COORDINATOR)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recordedBy").value("qa.manager"));
        ArgumentCaptor<AdoptBusinessPlan> sent = ArgumentCaptor.forClass(AdoptBusinessPlan.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().recordedBy()).isEqualTo("qa.manager");
        assertThat(sent.getValue().today()).isEqualTo(LocalDate.of(2015, 6, 30));
        assertThat(sent.getValue().priorities().get(0).actions().get(0).measure()).as("a blank cell is left out").isNull();
    }

    @Test
    void aPlanWithoutPrioritiesIsRefusedNamingTheField() throws Exception {
        mvc().perform(post("/api/business-plans").contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN.substring(0, PLAN.indexOf("\"priorities\"")) + "\"priorities\":[]}")
                        .with(as("qa.manager", MaapRole.QA_COORDINATOR)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("priorities"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aBoardMemberRatesAPriorityButDoesNotEnterThePlan() throws Exception {
        mvc().perform(post("/api/business-plans/redbridge-bp-2014-15/priorities/2.2/ratings")
                        .contentType(MediaType.APPLICATION_JSON).content(RATING).with(as("board.member", MaapRole.BOARD_MEMBER)))
                .andExpect(status().isCreated());
        ArgumentCaptor<RatePriority> sent = ArgumentCaptor.forClass(RatePriority.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new RatePriority("redbridge-bp-2014-15", "2.2", 2, Rag.AMBER, "Strategy drafted",
                LocalDate.of(2014, 7, 15), "LSCB Executive", "board.member", LocalDate.of(2015, 6, 30)));
        mvc().perform(post("/api/business-plans").contentType(MediaType.APPLICATION_JSON).content(PLAN)
                        .with(as("board.member", MaapRole.BOARD_MEMBER)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRatingOutsideQuartersOneToFourIsABadRequest() throws Exception {
        mvc().perform(post("/api/business-plans/redbridge-bp-2014-15/priorities/2.2/ratings")
                        .contentType(MediaType.APPLICATION_JSON).content(RATING.replace("\"quarter\":2", "\"quarter\":5"))
                        .with(as("qa.manager", MaapRole.QA_COORDINATOR)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quarter"));
    }

    @Test
    void aRefusedRatingIsAProblemDetailWithItsCode() throws Exception {
        given(commands.sendAndWait(any(RatePriority.class))).willThrow(new CommandExecutionException("refused",
                new RuleViolation("priority-unknown", "Business plan redbridge-bp-2014-15 has no priority '9.9'.")));
        mvc().perform(post("/api/business-plans/redbridge-bp-2014-15/priorities/9.9/ratings")
                        .contentType(MediaType.APPLICATION_JSON).content(RATING).with(as("qa.manager", MaapRole.QA_COORDINATOR)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("priority-unknown"))
                .andExpect(jsonPath("$.detail").value("Business plan redbridge-bp-2014-15 has no priority '9.9'."));
    }

    @Test
    void theQaCoordinatorLinksAnActionOfAnAuditToAPriority() throws Exception {
        mvc().perform(post("/api/business-plans/redbridge-bp-2014-15/priorities/2.2/links")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ACTION\",\"auditId\":\"rbr-2017-missing\",\"itemId\":\"a1\"}")
                        .with(as("qa.manager", MaapRole.QA_COORDINATOR)))
                .andExpect(status().isCreated());
        ArgumentCaptor<LinkToPriority> sent = ArgumentCaptor.forClass(LinkToPriority.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new LinkToPriority("redbridge-bp-2014-15", "2.2", BusinessPlanItemLinked.Kind.ACTION,
                "rbr-2017-missing", "a1", "qa.manager", LocalDate.of(2015, 6, 30)));
        mvc().perform(post("/api/business-plans/redbridge-bp-2014-15/priorities/2.2/links")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"AUDIT\",\"auditId\":\"rbr-2017-missing\"}")
                        .with(as("board.member", MaapRole.BOARD_MEMBER)))
                .andExpect(status().isForbidden());
    }
}
