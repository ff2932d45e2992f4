package io.maap.local;

import io.maap.support.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Two audits running now, beside the 2017-18 programme of the seeds, so that the live views have
 * something current to show: one whose returns fell due ten working days ago (some on time,
 * late, nil, sent back, still overdue), one due in three working days (some in, the rest due
 * soon), and an open safeguarding concern. Entered through the same REST commands people use.
 */
final class CurrentYearDemoData {

    private static final Logger log = LoggerFactory.getLogger(CurrentYearDemoData.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROGRAMME = "redbridge-current";
    private static final List<String> AGENCIES = List.of("met-police", "nelft", "bhrut", "lbr-childrens-social-care");

    private CurrentYearDemoData() {
    }

    static void load(Api api, String auditProgrammeUrl, String caseReturnUrl, String actionPlanUrl, WorkingDayCalendar calendar,
                     LocalDate today) {
        RestClient audits = api.client(auditProgrammeUrl);
        RestClient returns = api.client(caseReturnUrl);
        String past = "rbr-current-esafety";
        String due = "rbr-current-mental-health";
        commission(audits, past, "Services' response to e-safety and peer-on-peer sexual abuse", "E-safety and peer-on-peer abuse",
                calendar.subtractWorkingDays(today, 25), 4);
        commission(audits, due, "Children with mental health and social issues", "Mental health",
                calendar.subtractWorkingDays(today, 12), 3);

        // The e-safety returns fell due ten working days ago.
        List<String> police = requests(returns, past, "met-police", 4);
        police.forEach(id -> submit(returns, id, "Police SPOC"));
        police.subList(0, 3).forEach(id -> post(returns, id, "acceptance", "{\"version\": 1, \"acceptedBy\": \"LSCB QA Manager\"}"));
        post(returns, police.get(3), "send-back", "{\"version\": 1, \"reasons\": [\"Say what the child's online "
                + "contacts meant for the safety plan\"], \"sentBackBy\": \"LSCB QA Manager\"}");
        List<String> health = requests(returns, past, "nelft", 4);
        health.subList(0, 2).forEach(id -> post(returns, id, "nil-return", "{\"submittedBy\": \"NELFT SPOC\"}"));
        submit(returns, health.get(2), "NELFT SPOC");
        post(returns, health.get(3), "safeguarding-concerns", "{\"raisedBy\": \"NELFT auditor\", \"summary\": "
                + "\"A younger sibling is not known to children's services; referral needed today\"}");
        requests(returns, past, "lbr-childrens-social-care", 4).forEach(id -> {
            submit(returns, id, "Children's Services SPOC");
            post(returns, id, "acceptance", "{\"version\": 1, \"acceptedBy\": \"LSCB QA Manager\"}");
        });

        // The mental-health returns are due in three working days.
        requests(returns, due, "met-police", 3).forEach(id -> submit(returns, id, "Police SPOC"));
        submit(returns, requests(returns, due, "nelft", 3).get(0), "NELFT SPOC");
        actionPlan(api.client(actionPlanUrl), past, calendar, today);
        log.info("Demo data: two audits of the current year with returns in every state, one with an open action");
    }

    /**
     * The e-safety audit's first finding and its action plan, agreed today with one action open
     * and due in three months: the learning of the current year, which the lead officer works on.
     */
    private static void actionPlan(RestClient plans, String auditId, WorkingDayCalendar calendar, LocalDate today) {
        String base = "/api/audits/" + auditId;
        LearningDemoData.awaitKnown(plans, base);
        var finding = JSON.createObjectNode().put("findingId", "current-esafety-f1").put("aspect", "voice-of-the-child")
                .put("kind", "AREA_FOR_IMPROVEMENT")
                .put("summary", "Officers rarely asked the child who they talk to online, so safety plans missed the risk.")
                .put("recommendation", "Ask every child about their online contacts and record it in the safety plan.")
                .put("recordedBy", "LSCB Quality Assurance Manager").put("recordedOn", today.toString());
        finding.putArray("agencies").add("met-police");
        postJson(plans, base + "/findings", finding.toString());
        String plan = base + "/action-plans/current-esafety-plan";
        postJson(plans, base + "/action-plans", JSON.createObjectNode().put("planId", "current-esafety-plan")
                .put("title", "E-safety and peer-on-peer abuse: multi-agency action plan")
                .put("draftedBy", "LSCB Quality Assurance Manager").put("draftedOn", today.toString()).toString());
        var action = JSON.createObjectNode().put("actionId", "current-esafety-a1")
                .put("description", "Add the child's online contacts to the police safety-plan template and brief response teams.")
                .put("owningAgency", "met-police").put("lead", "Detective Inspector, Safeguarding")
                .put("dueDate", calendar.addWorkingDays(today, 60).toString())
                .put("successMeasure", "Dip sample of 10 safety plans: online contacts recorded in at least 9.")
                .put("addedOn", today.toString());
        action.putArray("addressesFindings").add("current-esafety-f1");
        postJson(plans, plan + "/actions", action.toString());
        postJson(plans, plan + "/agreement", JSON.createObjectNode().put("agreedBy", "LSCB Executive Board")
                .put("agreedOn", today.toString()).put("monitoringIntervalMonths", 3)
                .put("boardMeeting", "LSCB Executive Board, " + today).toString());
    }

    private static void postJson(RestClient client, String path, String body) {
        client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    private static void commission(RestClient audits, String auditId, String title, String theme, LocalDate toolSentOn,
                                   int sampledCases) {
        var body = JSON.createObjectNode()
                .put("auditId", auditId)
                .put("programmeId", PROGRAMME)
                .put("title", title)
                .put("theme", theme)
                .put("leadOfficer", "Chair of LSCB Learning and Improvement Sub-Group")
                .put("toolSentOn", toolSentOn.toString());
        var questions = body.putArray("questions");
        questions.addObject().put("questionId", "q1-child-seen").put("text", "Was the child seen, and were their wishes recorded and acted on?").put("graded", true);
        questions.addObject().put("questionId", "q2-information-sharing").put("text", "Was information shared promptly with the other agencies?").put("graded", false);
        var cases = body.putArray("cases");
        // The partnership issues each case its reference (e.g. RBR-2611-E01) from the programme's sequence.
        for (int i = 0; i < sampledCases; i++) {
            cases.addObject().put("caseType", "CHILD_IN_NEED");
        }
        var agencies = body.putArray("participatingAgencies");
        AGENCIES.forEach(agencies::add);
        audits.post().uri("/api/audits").contentType(MediaType.APPLICATION_JSON).body(body.toString()).retrieve().toBodilessEntity();
    }

    /** The agency's requests of the audit, in case order, once case-return-service has created them. */
    private static List<String> requests(RestClient returns, String auditId, String agency, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode found = JSON.readTree(returns.get()
                    .uri("/api/return-requests?agency={agency}&auditId={auditId}&outstanding=false", agency, auditId)
                    .retrieve().body(String.class));
            if (found.size() >= expected) {
                return found.findValuesAsString("caseReference").stream().sorted()
                        .map(reference -> {
                            for (JsonNode request : found) {
                                if (request.get("caseReference").asString().equals(reference)) {
                                    return request.get("returnRequestId").asString();
                                }
                            }
                            throw new IllegalStateException(reference);
                        }).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Return requests of " + auditId + " for " + agency + " did not arrive");
            }
            sleep();
        }
    }

    private static void submit(RestClient returns, String requestId, String spoc) {
        post(returns, requestId, "acknowledgement", "{\"acknowledgedBy\": \"" + spoc + "\", \"caseHolder\": \"Case holder\", "
                + "\"lineManager\": \"Team manager\", \"auditor\": \"Independent auditor\"}");
        post(returns, requestId, "submissions", "{\"submittedBy\": \"" + spoc + "\", \"answers\": ["
                + "{\"questionId\": \"q1-child-seen\", \"answer\": \"Seen alone at two visits; wishes recorded and reflected in the plan.\", \"grade\": \"good\"},"
                + "{\"questionId\": \"q2-information-sharing\", \"answer\": \"no information held\"}]}");
    }

    private static void post(RestClient returns, String requestId, String action, String body) {
        returns.post().uri("/api/return-requests/{id}/{action}", requestId, action)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
