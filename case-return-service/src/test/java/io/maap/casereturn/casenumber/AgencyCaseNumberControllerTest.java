package io.maap.casereturn.casenumber;

import io.maap.casereturn.CaseReturnSecurity;
import io.maap.casereturn.casenumber.query.AgencyCaseNumber;
import io.maap.casereturn.casenumber.query.AgencyCaseNumbers;
import io.maap.casereturn.casenumber.query.CaseNumberSeal;
import io.maap.casereturn.casenumber.web.AgencyCaseNumberController;
import io.maap.casereturn.request.query.ReturnRequestView;
import io.maap.casereturn.request.query.ReturnRequestViews;
import io.maap.events.Sensitive;
import io.maap.support.crypto.AuditKeys;
import io.maap.support.crypto.JdbcAuditKeys;
import io.maap.support.crypto.MasterKey;
import io.maap.support.security.ApiSecurityAutoConfiguration;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import io.maap.support.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The agency's own case number over HTTP, sealed with the audit keys of case-return-service's own
 * database (its Flyway migrations, on H2): only the request's agency's SPOC keeps and reads it, it is
 * never stored in clear, and once the audit's key is destroyed it reads as removed.
 */
@WebMvcTest(controllers = AgencyCaseNumberController.class,
        properties = {"maap.security.issuer=http://issuer.test", "maap.security.jwk-set-uri=http://issuer.test/jwks",
                "spring.config.name=case-return-service", "spring.datasource.url=jdbc:h2:mem:case-numbers;DB_CLOSE_DELAY=-1",
                "spring.flyway.enabled=true", "maap.access-records.enabled=false"})
@ImportAutoConfiguration({ApiSecurityAutoConfiguration.class, DataSourceAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import({ProblemDetailsAdvice.class, CaseReturnSecurity.class, AgencyCaseNumberControllerTest.Keys.class})
class AgencyCaseNumberControllerTest {

    @TestConfiguration
    static class Keys {
        @Bean
        AuditKeys auditKeys(DataSource dataSource) {
            return new JdbcAuditKeys(new JdbcTemplate(dataSource),
                    MasterKey.fromBase64("bWFhcC1sb2NhbC1kZW1vLW1hc3Rlci1rZXktMzJieXQ="),
                    new DataSourceTransactionManager(dataSource));
        }

        @Bean
        CaseNumberSeal caseNumberSeal(AuditKeys keys) {
            return new CaseNumberSeal(keys);
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2017-07-20T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    static final String BODY = "{\"caseNumber\":\"CRIS 4471/17\"}";

    @Autowired
    WebApplicationContext context;
    @Autowired
    AuditKeys keys;
    @MockitoBean
    AgencyCaseNumbers numbers;
    @MockitoBean
    ReturnRequestViews requests;
    MockMvc mvc;
    final Map<String, AgencyCaseNumber> stored = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        given(numbers.save(any())).willAnswer(call -> {
            AgencyCaseNumber number = call.getArgument(0);
            stored.put(number.getReturnRequestId(), number);
            return number;
        });
        given(numbers.findById(anyString())).willAnswer(call -> Optional.ofNullable(stored.get(call.<String>getArgument(0))));
    }

    private void request(String id, String auditId, String agency) {
        ReturnRequestView view = mock(ReturnRequestView.class);
        given(view.getAuditId()).willReturn(auditId);
        given(view.getAgency()).willReturn(agency);
        given(view.getCaseReference()).willReturn("RBR-1704-N03");
        given(requests.findById(id)).willReturn(Optional.of(view));
    }

    @Test
    void theSpocKeepsTheNumberSealedAndReadsItBack() throws Exception {
        request("rr-1", "missing-2017", "met-police");

        mvc.perform(put("/api/return-requests/rr-1/agency-case-number").contentType(MediaType.APPLICATION_JSON).content(BODY)
                        .with(as("spoc.met", MaapRole.AGENCY_SPOC, "met-police")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value("CRIS 4471/17"));

        assertThat(stored.get("rr-1").getSealedCaseNumber())
                .startsWith(Sensitive.SEALED_PREFIX + "missing-2017:").doesNotContain("4471").doesNotContain("CRIS");
        mvc.perform(get("/api/return-requests/rr-1/agency-case-number").with(as("spoc.met", MaapRole.AGENCY_SPOC, "met-police")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value("CRIS 4471/17"))
                .andExpect(jsonPath("$.caseReference").value("RBR-1704-N03"))
                .andExpect(jsonPath("$.recordedBy").value("spoc.met"));
    }

    @Test
    void anotherAgencysSpocFindsNothingAndOtherRolesAreForbidden() throws Exception {
        request("rr-2", "missing-2017", "met-police");
        mvc.perform(put("/api/return-requests/rr-2/agency-case-number").contentType(MediaType.APPLICATION_JSON).content(BODY)
                        .with(as("spoc.met", MaapRole.AGENCY_SPOC, "met-police")))
                .andExpect(status().isOk());

        mvc.perform(get("/api/return-requests/rr-2/agency-case-number").with(as("spoc.ccg", MaapRole.AGENCY_SPOC, "ccg")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:not-found"));
        mvc.perform(put("/api/return-requests/rr-2/agency-case-number").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseNumber\":\"X 1\"}").with(as("spoc.ccg", MaapRole.AGENCY_SPOC, "ccg")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/return-requests/rr-2/agency-case-number").with(as("qa", MaapRole.QA_COORDINATOR, null)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/return-requests/rr-2/agency-case-number").with(as("auditor", MaapRole.AGENCY_AUDITOR, "met-police")))
                .andExpect(status().isForbidden());
        assertThat(stored.get("rr-2").getSealedCaseNumber()).doesNotContain("X 1");
    }

    @Test
    void afterTheAuditIsShreddedTheNumberReadsAsRemovedAndNoNewOneIsKept() throws Exception {
        request("rr-3", "neglect-2019", "met-police");
        mvc.perform(put("/api/return-requests/rr-3/agency-case-number").contentType(MediaType.APPLICATION_JSON).content(BODY)
                        .with(as("spoc.met", MaapRole.AGENCY_SPOC, "met-police")))
                .andExpect(status().isOk());

        keys.shred("neglect-2019", "qa.coordinator", "qa-coordinator", Instant.parse("2021-03-01T00:00:00Z"));

        mvc.perform(get("/api/return-requests/rr-3/agency-case-number").with(as("spoc.met", MaapRole.AGENCY_SPOC, "met-police")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value(Sensitive.REMOVED));
        mvc.perform(put("/api/return-requests/rr-3/agency-case-number").contentType(MediaType.APPLICATION_JSON).content(BODY)
                        .with(as("spoc.met", MaapRole.AGENCY_SPOC, "met-police")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("audit-text-removed"));
    }

    private static RequestPostProcessor as(String user, MaapRole role, String agency) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(user).build();
        return authentication(new CallerAuthentication(jwt, new Caller(user, Set.of(role), agency)));
    }
}
