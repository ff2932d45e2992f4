package io.maap.systemtests;

import io.maap.local.MaapServices.Service;
import io.maap.testsupport.api.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Section 11 audit across services on the real broker and databases (seed 000): planned in
 * audit-programme-service, it becomes known to action-plan-service, where a challenge panel's
 * finding and each agency's own action plan are recorded; reporting-service shows it in the
 * Board's schedule as "Section 11 | December 2016 | N/A | December 2018", with the July Board's
 * presentation of the plans apart from the final presentation.
 */
class Section11FlowIT {

    private static final String PROGRAMME = "it-s11-2017-18";
    private static final String AUDIT = "it-s11-2016-18";
    private static ApiClient audits;
    private static ApiClient actionPlans;
    private static ApiClient reporting;

    @BeforeAll
    static void startPlatform() {
        audits = TestPlatform.api(Service.AUDIT_PROGRAMME);
        actionPlans = TestPlatform.api(Service.ACTION_PLAN);
        reporting = TestPlatform.api(Service.REPORTING);
    }

    @Test
    void aPlannedSection11AuditTakesEachAgencysPlanAndShowsInTheBoardsSchedule() {
        audits.post("/api/programmes", """
                {"programmeId": "%s", "partnership": "Redbridge LSCB", "title": "Multi-Agency Audit Programme 2017-2018",
                 "periodStart": "2017-04-01", "periodEnd": "2018-03-31", "agreedOn": "2017-03-22", "agreedBy": "LSCB Executive"}
                """.formatted(PROGRAMME), 201);
        audits.post("/api/programmes/" + PROGRAMME + "/section-11-audits", """
                {"auditId": "%s", "title": "Section 11 Audit 2016 - 2018", "businessPlanPriorities": ["6", "8"],
                 "leadOfficer": "LSCB Quality Assurance Manager", "timescale": "2016 - 2018",
                 "agencies": ["met-police", "nelft"],
                 "commence": {"date": "2016-12-01", "precision": "MONTH"},
                 "presentedToExecutive": {"date": "2018-12-01", "precision": "MONTH"},
                 "phases": [{"activityId": "challenge-panels", "description": "Challenge panels",
                             "startsOn": {"date": "2017-02-13", "precision": "WEEK_COMMENCING"}}]}
                """.formatted(AUDIT), 201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> actionPlans.get("/api/audits/" + AUDIT).status() == 200);

        String base = "/api/audits/" + AUDIT;
        actionPlans.post(base + "/findings", """
                {"findingId": "panel-police", "aspect": "management-oversight", "kind": "AREA_FOR_IMPROVEMENT",
                 "agencies": ["met-police"], "summary": "Self-assessment overstated supervision",
                 "recommendation": "Evidence supervision in the resubmission", "recordedBy": "Independent chair",
                 "recordedOn": "2017-02-20"}
                """, 201);
        actionPlans.post(base + "/action-plans", """
                {"planId": "s11-police", "agency": "met-police", "title": "S11 action plan: Metropolitan Police",
                 "draftedBy": "Police SPOC", "draftedOn": "2017-06-30"}
                """, 201);
        actionPlans.post(base + "/action-plans", """
                {"planId": "s11-nelft", "agency": "nelft", "title": "S11 action plan: NELFT",
                 "draftedBy": "NELFT SPOC", "draftedOn": "2017-07-03"}
                """, 201);
        JsonNode second = actionPlans.post(base + "/action-plans", """
                {"planId": "s11-police-2", "agency": "met-police", "title": "Another", "draftedBy": "Police SPOC",
                 "draftedOn": "2017-07-03"}
                """, 409);
        assertThat(second.get("code").asString()).isEqualTo("action-plan-exists");
        JsonNode partnership = actionPlans.post(base + "/action-plans", """
                {"planId": "s11-all", "title": "Partnership plan", "draftedBy": "QA Manager", "draftedOn": "2017-07-03"}
                """, 409);
        assertThat(partnership.get("code").asString()).isEqualTo("agency-required");

        String steps = "/api/section-11-audits/" + AUDIT + "/agencies/";
        for (String agency : new String[]{"met-police", "nelft"}) {
            audits.post(steps + agency + "/steps", "{\"step\": \"SELF_ASSESSMENT_SUBMITTED\", \"on\": \"2016-12-19\"}", 200);
            audits.post(steps + agency + "/steps", "{\"step\": \"CHALLENGE_PANEL_HELD\", \"on\": \"2017-02-20\"}", 200);
            audits.post(steps + agency + "/steps", "{\"step\": \"ACTION_PLAN_RECEIVED\", \"on\": \"2017-07-04\"}", 200);
        }
        audits.post("/api/section-11-audits/" + AUDIT + "/action-plans-presented",
                "{\"on\": \"2017-07-18\", \"to\": \"LSCB Board\"}", 200);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonNode row = reporting.getJson("/api/programmes/" + PROGRAMME + "/schedule").get("audits").get(0);
            assertThat(row.get("auditId").asString()).isEqualTo(AUDIT);
            assertThat(row.get("stage").asString()).isEqualTo("ACTION_PLANS_PRESENTED");
            assertThat(row.get("theme").asString()).isEqualTo("Section 11");
            assertThat(row.get("commence").get("planned").asString()).isEqualTo("2016-12-01");
            assertThat(row.get("commence").get("precision").asString()).isEqualTo("MONTH");
            assertThat(row.get("commence").get("actual").asString()).isEqualTo("2016-12-19");
            assertThat(row.get("roundTable").isNull()).isTrue();
            assertThat(row.get("presented").get("planned").asString()).isEqualTo("2018-12-01");
            assertThat(row.get("presented").get("actual").isNull()).isTrue();
            assertThat(row.get("milestones").get("ACTION_PLANS_PRESENTED").get("actual").asString()).isEqualTo("2017-07-18");
        });
        JsonNode plans = actionPlans.getJson(base + "/action-plans");
        assertThat(plans.valueStream().map(p -> p.get("plan").get("agency").asString()).toList())
                .containsExactlyInAnyOrder("met-police", "nelft");
    }
}
