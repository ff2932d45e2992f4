package io.maap.casereturn.request.web;

import io.maap.casereturn.CaseReturnSecurity;
import io.maap.casereturn.request.query.SafeguardingConcernView;
import io.maap.casereturn.request.query.SafeguardingConcernViews;
import io.maap.support.access.AccessRecordsAutoConfiguration;
import io.maap.support.calendar.CalendarAutoConfiguration;
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
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reading the urgent safeguarding concerns leaves an access record in case-return-service's own
 * database (its Flyway migrations, on H2), which the QA coordinator's CSV export shows; nobody
 * else may export.
 */
@WebMvcTest(controllers = SafeguardingConcernController.class,
        properties = {"maap.security.issuer=http://issuer.test", "maap.security.jwk-set-uri=http://issuer.test/jwks",
                "spring.config.name=case-return-service", "spring.datasource.url=jdbc:h2:mem:access-records;DB_CLOSE_DELAY=-1",
                "spring.flyway.enabled=true"})
@ImportAutoConfiguration({ApiSecurityAutoConfiguration.class, DataSourceAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class, CalendarAutoConfiguration.class,
        AccessRecordsAutoConfiguration.class})
@Import({ProblemDetailsAdvice.class, CaseReturnSecurity.class})
class UrgentConcernAccessRecordsTest {

    @Autowired
    WebApplicationContext context;
    @MockitoBean
    SafeguardingConcernViews concerns;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void readingTheUrgentConcernsIsRecordedAndTheCoordinatorExportsIt() throws Exception {
        SafeguardingConcernView concern = mock(SafeguardingConcernView.class);
        given(concern.getReturnRequestId()).willReturn("rr-77");
        given(concern.getConcernId()).willReturn("c-1");
        given(concern.visibleToAgency("met-police")).willReturn(true); // the agency's own (or naming it to be told)
        given(concerns.findByUrgentTrueOrderByRaisedAtAsc()).willReturn(List.of(concern));
        Instant before = Instant.now().minusSeconds(1);

        mvc.perform(get("/api/safeguarding-concerns/urgent").with(as("spoc.met", MaapRole.AGENCY_SPOC, "met-police")))
                .andExpect(status().isOk());

        String csv = mvc.perform(get("/api/access-records/export").param("from", before.toString())
                        .with(as("qa.coordinator", MaapRole.QA_COORDINATOR, null)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo("\"accessedAt\",\"userId\",\"role\",\"userAgency\",\"endpoint\",\"resource\","
                + "\"objectIds\",\"query\",\"returned\",\"correlationId\"");
        assertThat(rows).anySatisfy(row -> assertThat(row)
                .contains("\"spoc.met\",\"AGENCY_SPOC\",\"met-police\",\"GET /api/safeguarding-concerns/urgent\","
                        + "\"safeguarding-concern\",\"rr-77/c-1\",\"\",\"1\""));

        String after = mvc.perform(get("/api/access-records/export").param("from", Instant.now().plusSeconds(60).toString())
                        .with(as("qa.coordinator", MaapRole.QA_COORDINATOR, null)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after.lines()).as("only the header: nothing recorded in that range").hasSize(1);
    }

    @Test
    void onlyTheQaCoordinatorMayExport() throws Exception {
        mvc.perform(get("/api/access-records/export").with(as("spoc.met", MaapRole.AGENCY_SPOC, "met-police")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/access-records/export").with(as("board", MaapRole.BOARD_MEMBER, null)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/access-records/export")).andExpect(status().isUnauthorized());
    }

    private static RequestPostProcessor as(String user, MaapRole role, String agency) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(user).build();
        return authentication(new CallerAuthentication(jwt, new Caller(user, Set.of(role), agency)));
    }
}
