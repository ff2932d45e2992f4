package io.maap.systemtests;

import io.maap.local.MaapServices.Service;
import io.maap.testsupport.api.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three write services driven through a realistic audit over REST, and every read view of
 * reporting-service checked against what happened: the outstanding and overdue returns, the QA
 * scorecard, agency compliance, the schedule, the audit matrix, the action tracker, safeguarding
 * concerns, the board feed; "as at" an instant in the middle; and a rebuild that matches.
 */
class ReadSideIT {

    private static final String PROGRAMME = "it-readside-2017-18";
    private static final String AUDIT = "it-readside-missing";
    private static ApiClient audits;
    private static ApiClient caseReturns;
    private static ApiClient actionPlans;
    private static ApiClient reporting;

    @BeforeAll
    static void startPlatform() {
        audits = TestPlatform.api(Service.AUDIT_PROGRAMME);
        caseReturns = TestPlatform.api(Service.CASE_RETURN);
        actionPlans = TestPlatform.api(Service.ACTION_PLAN);
        reporting = TestPlatform.api(Service.REPORTING);
    }

    @Test
    void everyViewReflectsARealisticAuditAsItStoodAndAfterARebuild() throws Exception {
        JsonNode commissioned = audits.post("/api/audits", """
                {"auditId": "%s", "programmeId": "%s", "title": "Children who go missing", "theme": "Children who go missing",
                 "leadOfficer": "Chair of LSCB Learning and Improvement Sub-Group", "toolSentOn": "2017-07-03",
                 "questions": [{"questionId": "q1", "text": "Was the child seen and heard?", "graded": true}],
                 "cases": [{"caseType": "LOOKED_AFTER"}, {"caseType": "CHILD_IN_NEED"}],
                 "participatingAgencies": ["met-police", "nelft", "bhrut"]}
                """.formatted(AUDIT, PROGRAMME));
        JsonNode police = awaitRequests("met-police", 2);
        JsonNode nelft = awaitRequests("nelft", 2);
        String policeFirst = police.get(0).get("returnRequestId").asString();
        String policeSecond = police.get(1).get("returnRequestId").asString();
        String nelftFirst = nelft.get(0).get("returnRequestId").asString();

        for (String id : List.of(policeFirst, policeSecond)) {
            caseReturns.post("/api/return-requests/" + id + "/acknowledgement", """
                    {"acknowledgedBy": "Police SPOC", "caseHolder": "DC Holder", "lineManager": "DS Manager", "auditor": "DI Auditor"}
                    """);
            caseReturns.post("/api/return-requests/" + id + "/submissions", """
                    {"submittedBy": "Police SPOC", "answers": [{"questionId": "q1", "answer": "Seen alone twice; wishes recorded.",
                     "evidenceReferences": ["NICHE-123"], "grade": "good"}]}
                    """);
        }
        caseReturns.post("/api/return-requests/" + policeFirst + "/acceptance", """
                {"version": 1, "acceptedBy": "QA coordinator"}
                """);
        caseReturns.post("/api/return-requests/" + policeSecond + "/send-back", """
                {"version": 1, "reasons": ["The answer does not say how the child's wishes shaped the plan"], "sentBackBy": "QA coordinator"}
                """);
        caseReturns.post("/api/return-requests/" + nelftFirst + "/nil-return", """
                {"submittedBy": "NELFT SPOC"}
                """);
        JsonNode concern = caseReturns.post("/api/return-requests/" + nelftFirst + "/safeguarding-concerns", """
                {"raisedBy": "NELFT auditor", "summary": "Sibling not known to services; referral made today"}
                """);

        JsonNode returns = awaitScorecard(s -> s.get("figures").get("returns").get("received").asInt() == 3
                && s.get("figures").get("returns").get("sentBack").asInt() == 1).get("figures").get("returns");
        assertThat(returns.get("expected").asInt()).isEqualTo(6);
        assertThat(returns.get("nil").asInt()).isEqualTo(1);
        assertThat(returns.get("accepted").asInt()).isEqualTo(1);
        assertThat(returns.get("outstanding").asInt()).isEqualTo(4);
        // the sent-back return has a fresh resubmission deadline, so it is outstanding but not overdue
        assertThat(returns.get("overdue").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/api/safeguarding-concerns?auditId=" + AUDIT).get("total").asInt() == 1);

        // "As at" is to the second (instants are rounded down): a whole second after the returns, passed
        // before the findings are recorded.
        Instant beforeTheChallengeDay = TestPlatform.nextWholeSecondPassed();

        JsonNode finding = actionPlans.post("/api/audits/" + AUDIT + "/findings", """
                {"findingId": "it-f1", "aspect": "voice-of-the-child", "kind": "AREA_FOR_IMPROVEMENT", "agencies": ["met-police"],
                 "references": ["%s"], "summary": "Wishes recorded but not acted on",
                 "recommendation": "Plans say how the child's wishes shaped them", "recordedBy": "QA coordinator",
                 "recordedOn": "2017-08-24"}
                """.formatted(commissioned.get("cases").get(1).get("caseReference").asString()));
        actionPlans.post("/api/audits/" + AUDIT + "/findings", """
                {"findingId": "it-f2", "aspect": "multi-agency-working", "kind": "GOOD_PRACTICE", "agencies": ["nelft"],
                 "references": [], "summary": "Prompt strategy discussions", "recommendation": "Share at the briefing",
                 "recordedBy": "QA coordinator", "recordedOn": "2017-08-24"}
                """);
        actionPlans.post("/api/audits/" + AUDIT + "/action-plans", """
                {"planId": "it-plan", "title": "Children who go missing: action plan", "draftedBy": "QA coordinator", "draftedOn": "2017-09-01"}
                """);
        actionPlans.post("/api/audits/" + AUDIT + "/action-plans/it-plan/actions", """
                {"actionId": "it-a1", "description": "Supervision checks that plans reflect wishes", "owningAgency": "met-police",
                 "lead": "DI Lead", "dueDate": "2017-12-01", "addressesFindings": ["it-f1"],
                 "successMeasure": "Dip sample of 20 plans shows wishes acted on", "addedOn": "2017-09-01"}
                """);
        actionPlans.post("/api/audits/" + AUDIT + "/action-plans/it-plan/agreement", """
                {"agreedBy": "LSCB Executive", "agreedOn": "2017-09-20", "boardMeeting": "LSCB Executive, 20 September 2017"}
                """);
        actionPlans.post("/api/audits/" + AUDIT + "/actions/it-a1/progress-updates", """
                {"updateId": "it-u1", "rag": "AMBER", "note": "Dip sample started", "reportedBy": "DI Lead", "reportedOn": "2017-10-03"}
                """);
        actionPlans.post("/api/audits/" + AUDIT + "/actions/it-a1/closure", """
                {"evidenceOfImpact": "Dip sample: 18 of 20 plans act on the child's wishes", "closedBy": "LSCB Board",
                 "closedOn": "2017-11-28", "boardMeeting": "LSCB Board, 28 November 2017"}
                """);

        JsonNode scorecard = awaitScorecard(s -> s.get("figures").get("actions").get("closed").asInt() == 1
                && s.get("figures").get("findingsByAspect").size() == 2);
        assertThat(scorecard.get("figures").get("findingsByAspect").get("voice-of-the-child").get("areaForImprovement").asInt()).isEqualTo(1);
        assertThat(scorecard.get("figures").get("findingsByAspect").get("multi-agency-working").get("goodPractice").asInt()).isEqualTo(1);
        assertThat(scorecard.get("figures").get("actions").get("total").asInt()).isEqualTo(1);

        JsonNode actions = get("/api/actions?auditId=" + AUDIT);
        assertThat(actions.get("items").get(0).get("open").asBoolean()).isFalse();
        assertThat(kinds(actions.get("items").get(0).get("history"))).containsSubsequence("ADDED", "PROGRESS", "CLOSED");

        JsonNode outstanding = get("/api/outstanding-returns?auditId=" + AUDIT + "&order=AGENCY");
        assertThat(outstanding.get("total").asInt()).isEqualTo(4);
        assertThat(outstanding.get("items").findValuesAsString("status")).contains("SENT_BACK", "AWAITING");

        JsonNode matrix = get("/api/audits/" + AUDIT + "/matrix");
        assertThat(matrix.get("agencies").size()).isEqualTo(3);
        assertThat(matrix.get("cases").size()).isEqualTo(2);

        JsonNode compliance = get("/api/agency-compliance?programmeId=" + PROGRAMME);
        assertThat(compliance.get("items").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(compliance.get("total").asInt()).isEqualTo(3);
        assertThat(compliance.get("items").findValuesAsString("agency"))
                .as("all returned, half returned, none returned").containsExactly("met-police", "nelft", "bhrut");

        JsonNode themes = get("/api/recurring-themes?minAudits=1");
        assertThat(themes.findValuesAsString("aspect")).contains("voice-of-the-child", "multi-agency-working");
        assertThat(get("/api/scorecard/by-audit?programmeId=" + PROGRAMME).get(0).get("auditId").asString()).isEqualTo(AUDIT);
        assertThat(get("/api/scorecard/by-agency?programmeId=" + PROGRAMME).size()).isEqualTo(3);
        assertThat(get("/api/outstanding-returns?auditId=" + AUDIT + "&dueWithinWorkingDays=10").get("total").asInt())
                .as("only the sent-back return, due again in 5 working days").isEqualTo(1);

        JsonNode schedule = get("/api/programmes/" + PROGRAMME + "/schedule");
        assertThat(schedule.get("audits").get(0).get("commence").get("actual").asString()).isEqualTo("2017-07-03");

        // As of a date: the position then, by when things happened (the returns were submitted today, not in 2017).
        JsonNode awaitedThen = get("/api/outstanding-returns?auditId=" + AUDIT + "&asOf=2017-07-04");
        assertThat(awaitedThen.get("total").asInt()).isEqualTo(6);
        assertThat(awaitedThen.get("asOf").asString()).isEqualTo("2017-07-04");
        assertThat(get("/api/outstanding-returns?auditId=" + AUDIT + "&asOf=2017-07-02").get("total").asInt()).isZero();
        JsonNode actionThen = get("/api/actions?auditId=" + AUDIT + "&asOf=2017-10-31").get("items").get(0);
        assertThat(actionThen.get("open").asBoolean()).isTrue();
        assertThat(actionThen.get("rag").asString()).isEqualTo("AMBER");
        assertThat(kinds(actionThen.get("history"))).containsExactly("ADDED", "PROGRESS");
        assertThat(get("/api/actions?auditId=" + AUDIT + "&asOf=2017-08-31").get("total").asInt()).isZero();
        JsonNode scheduleThen = get("/api/programmes/" + PROGRAMME + "/schedule?asOf=2017-07-02").get("audits").get(0);
        assertThat(scheduleThen.get("commence").get("actual").isNull()).isTrue();
        assertThat(scheduleThen.get("stage").asString()).isEqualTo("PLANNED");
        assertThat(reporting.get("/api/outstanding-returns?asOf=2017-07-04&asAt=2017-07-04T12:00:00Z").status())
                .isEqualTo(400);

        JsonNode then = get("/api/scorecard?programmeId=" + PROGRAMME + "&asAt=" + beforeTheChallengeDay);
        assertThat(then.get("figures").get("returns").get("received").asInt()).isEqualTo(3);
        assertThat(then.get("figures").get("findingsByAspect").size()).isZero();
        assertThat(then.get("figures").get("actions").get("total").asInt()).isZero();

        String csv = reporting.getText("/api/board-scorecard/" + PROGRAMME + ".csv");
        assertThat(csv).startsWith("scope,id,title,returns_expected").contains("programme,\"" + PROGRAMME + "\"");

        caseReturns.post("/api/return-requests/" + nelftFirst + "/safeguarding-concerns/"
                + concern.get("concernId").asString() + "/acknowledgement", """
                {"acknowledgedBy": "NELFT safeguarding lead", "response": "Referral accepted by MASH"}
                """);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/api/safeguarding-concerns?auditId=" + AUDIT).get("total").asInt() == 0);

        TestPlatform.awaitRemindersDue();
        JsonNode scorecardBefore = get("/api/scorecard?programmeId=" + PROGRAMME);
        JsonNode complianceBefore = get("/api/agency-compliance?programmeId=" + PROGRAMME);
        JsonNode outstandingBefore = get("/api/outstanding-returns?programmeId=" + PROGRAMME);
        reporting.post("/api/rebuilds", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/rebuilds/current").get("state").asString().equals("COMPLETED"));
        assertThat(get("/api/scorecard?programmeId=" + PROGRAMME)).isEqualTo(scorecardBefore);
        assertThat(get("/api/agency-compliance?programmeId=" + PROGRAMME)).isEqualTo(complianceBefore);
        assertThat(get("/api/outstanding-returns?programmeId=" + PROGRAMME)).isEqualTo(outstandingBefore);
        assertThat(finding).isNotNull();
    }

    private static List<String> kinds(JsonNode history) {
        return history.findValuesAsString("kind");
    }

    private static JsonNode awaitRequests(String agency, int expected) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> caseReturns.getJson("/api/return-requests?agency=" + agency + "&auditId=" + AUDIT),
                        requests -> requests.size() == expected);
    }

    private static JsonNode awaitScorecard(Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/scorecard?programmeId=" + PROGRAMME), condition);
    }

    private static JsonNode get(String path) {
        return reporting.getJson(path);
    }
}
