package io.maap.dashboard.audits.web;

import io.maap.dashboard.config.DashboardProperties;
import io.maap.dashboard.config.ServiceClients;
import io.maap.dashboard.page.web.FormErrors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The commissioning form asks for the number of sampled cases, not their references: the partnership
 * issues those. Only cases the programme referenced before (audited again) are named.
 */
class AuditsControllerTest {

    MockRestServiceServer auditProgramme;
    AuditsController controller;

    @BeforeEach
    void controller() {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://audit-programme");
        auditProgramme = MockRestServiceServer.bindTo(builder).build();
        RestClient client = builder.build();
        controller = new AuditsController(new ServiceClients(client, client, client, client, client),
                new DashboardProperties("a", "b", "c", "d", "e", "redbridge-current", List.of("met-police", "nelft"),
                        Duration.ofSeconds(10), Duration.ofSeconds(10)));
    }

    private static MultiValueMap<String, String> form(String caseCount, String reaudited) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("auditId", "rbr-2026-neglect");
        form.add("programmeId", "redbridge-current");
        form.add("title", "Neglect audit");
        form.add("theme", "Neglect");
        form.add("leadOfficer", "QA coordinator");
        form.add("toolSentOn-day", "2");
        form.add("toolSentOn-month", "11");
        form.add("toolSentOn-year", "2026");
        form.add("questions", "Was the child seen?");
        form.add("caseCount", caseCount);
        form.add("reauditedCases", reaudited);
        form.add("caseType", "CHILD_IN_NEED");
        form.add("participatingAgencies", "met-police");
        return form;
    }

    @Test
    void theSampleIsSentAsThatManyCasesWithoutReferences() {
        auditProgramme.expect(requestTo("http://audit-programme/api/audits")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("""
                        {"cases": [{"caseType": "CHILD_IN_NEED"}, {"caseType": "CHILD_IN_NEED"}, {"caseType": "CHILD_IN_NEED"}]}"""))
                .andRespond(withSuccess("{\"auditId\":\"rbr-2026-neglect\"}", MediaType.APPLICATION_JSON));

        String view = controller.commission(form("3", ""), new ExtendedModelMap());

        assertThat(view).isEqualTo("redirect:/audits/rbr-2026-neglect?done=commissioned");
        auditProgramme.verify();
    }

    @Test
    void casesAuditedAgainAreNamedByTheReferencesTheProgrammeIssued() {
        auditProgramme.expect(requestTo("http://audit-programme/api/audits"))
                .andExpect(content().json("""
                        {"cases": [{"caseReference": "RBR-1704-N03", "caseType": "CHILD_IN_NEED"}, {"caseType": "CHILD_IN_NEED"}]}"""))
                .andRespond(withSuccess("{\"auditId\":\"rbr-2026-neglect\"}", MediaType.APPLICATION_JSON));

        controller.commission(form("1", "RBR-1704-N03"), new ExtendedModelMap());

        auditProgramme.verify();
    }

    @Test
    void aNumberThatIsNotOneTo200IsRefusedOnTheFormWithoutAsking() {
        for (String bad : List.of("", "0", "-1", "three", "201")) {
            ExtendedModelMap model = new ExtendedModelMap();
            assertThat(controller.commission(form(bad, ""), model)).isEqualTo("commission");
            assertThat(((FormErrors) model.get("errors")).of("caseCount")).as(bad).contains("number of sampled cases");
        }
        auditProgramme.verify(); // nothing was sent
    }

    @Test
    void aReferenceTheProgrammeDidNotIssueIsShownAtTheSample() {
        auditProgramme.expect(requestTo("http://audit-programme/api/audits"))
                .andRespond(withStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                                {"type": "urn:maap:problem:case-reference-not-issued", "status": 422,
                                 "title": "Case reference not issued", "detail": "not issued",
                                 "errors": [{"field": "cases[0].caseReference", "message": "The case reference 'RBR-1704-N09' was not issued"}]}"""));
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(controller.commission(form("1", "RBR-1704-N09"), model)).isEqualTo("commission");

        assertThat(((FormErrors) model.get("errors")).of("caseCount")).contains("RBR-1704-N09");
    }
}
