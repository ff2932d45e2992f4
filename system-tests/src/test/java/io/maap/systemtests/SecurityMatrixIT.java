package io.maap.systemtests;

import io.maap.events.Topics;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.CloudEventRecords;
import io.maap.testsupport.TestTokens;
import io.maap.testsupport.api.ApiClient.Response;
import io.maap.testsupport.api.Commission;
import io.maap.testsupport.api.ReturnRequests;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.maap.systemtests.SecurityMatrixIT.Role.AUDITOR;
import static io.maap.systemtests.SecurityMatrixIT.Role.AUDIT_LEAD;
import static io.maap.systemtests.SecurityMatrixIT.Role.BOARD;
import static io.maap.systemtests.SecurityMatrixIT.Role.LEAD;
import static io.maap.systemtests.SecurityMatrixIT.Role.QA;
import static io.maap.systemtests.SecurityMatrixIT.Role.SPOC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The security matrix over every endpoint of every service: no token, and expired, tampered,
 * foreign-signed or foreign-issuer tokens get 401; every role not allowed gets 403; every role
 * allowed gets past security; an agency's objects are 404 to another agency and unchanged. The
 * matrix must name exactly the endpoints each service's OpenAPI document lists, so a new
 * endpoint fails this test until someone decides who may call it.
 */
class SecurityMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MINE = "met-police";
    private static final String THEIRS = "nelft";
    private static final String AUDIT = "it-security-" + UUID.randomUUID().toString().substring(0, 8);
    /** The fixture audit's one case, as the partnership issued its reference at commissioning. */
    private static String CASE;

    enum Role {
        BOARD, QA, LEAD, SPOC, AUDITOR, AUDIT_LEAD;

        String token(String agency) {
            return switch (this) {
                case BOARD -> TestTokens.boardMember();
                case QA -> TestTokens.qaCoordinator();
                case LEAD -> TestTokens.leadOfficer(agency);
                case SPOC -> TestTokens.spoc(agency);
                case AUDITOR -> TestTokens.auditor(agency);
                case AUDIT_LEAD -> TestTokens.auditLead(AUDIT);
            };
        }
    }

    /** Everyone with a role across the partnership's work; an audit lead sees only their audit. */
    private static final Set<Role> ALL = EnumSet.of(BOARD, QA, LEAD, SPOC, AUDITOR);
    /** The services with an API; the dashboard is a client of theirs (its sign-in is tested in DashboardIT). */
    private static final List<Service> API_SERVICES = Service.apis();

    /** One endpoint: who may call it; ids in the path are filled from the fixture (own agency's objects). */
    record Endpoint(Service service, String method, String path, Set<Role> allowed) {
    }

    private static final List<Endpoint> MATRIX = List.of(
            // audit-programme-service: everyone reads the plan; the QA coordinator changes it.
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/programmes", QA),
            ep(Service.AUDIT_PROGRAMME, "GET", "/api/programmes/{programmeId}", ALL),
            ep(Service.AUDIT_PROGRAMME, "GET", "/api/programmes/{programmeId}/schedule", ALL),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/programmes/{programmeId}/audits", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/programmes/{programmeId}/section-11-audits", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/programmes/{programmeId}/calendar-import", QA),
            ep(Service.AUDIT_PROGRAMME, "GET", "/api/programmes/{programmeId}/calendar.csv", ALL),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits", QA),
            ep(Service.AUDIT_PROGRAMME, "GET", "/api/audits/{auditId}", EnumSet.allOf(Role.class)),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/returns-closed", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/analysed", QA),
            ep(Service.AUDIT_PROGRAMME, "PUT", "/api/audits/{auditId}/challenge-day", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/challenge-day/agenda-sent", QA, AUDIT_LEAD),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/challenge-day-held", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/report-drafted", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/signed-off", QA, BOARD),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/monitoring-started", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/closed", QA),
            ep(Service.AUDIT_PROGRAMME, "PUT", "/api/audits/{auditId}/milestones/{milestone}", QA),
            ep(Service.AUDIT_PROGRAMME, "PUT", "/api/audits/{auditId}/success-measures", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/success-measures/{measureId}/evaluation", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/disseminations", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/audits/{auditId}/activities/{activityId}/completed", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/section-11-audits/{auditId}/agencies/{agency}/steps", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/section-11-audits/{auditId}/action-plans-presented", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/section-11-audits/{auditId}/monitoring-reviews", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/section-11-audits/{auditId}/closed", QA),
            ep(Service.AUDIT_PROGRAMME, "GET", "/api/partnership-policies", ALL),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/partnership-policies", QA),
            // the business plan: entered and linked by the QA coordinator, its priorities rated by QA or the Board
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/business-plans", QA),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/business-plans/{planId}/priorities/{priorityId}/ratings", QA, BOARD),
            ep(Service.AUDIT_PROGRAMME, "POST", "/api/business-plans/{planId}/priorities/{priorityId}/links", QA),
            // case-return-service: agency staff on their own agency's requests; QA on all.
            ep(Service.CASE_RETURN, "GET", "/api/return-requests", QA, SPOC, AUDITOR, AUDIT_LEAD),
            ep(Service.CASE_RETURN, "GET", "/api/return-requests/{id}", QA, SPOC, AUDITOR),
            ep(Service.CASE_RETURN, "GET", "/api/return-requests/{id}/versions", QA, SPOC, AUDITOR),
            ep(Service.CASE_RETURN, "GET", "/api/return-requests/{id}/safeguarding-concerns", QA, SPOC, AUDITOR),
            ep(Service.CASE_RETURN, "POST", "/api/return-requests/{id}/acknowledgement", QA, SPOC),
            ep(Service.CASE_RETURN, "POST", "/api/return-requests/{id}/auditor", QA, SPOC),
            ep(Service.CASE_RETURN, "POST", "/api/return-requests/{id}/submissions", QA, SPOC, AUDITOR),
            ep(Service.CASE_RETURN, "POST", "/api/return-requests/{id}/nil-return", QA, SPOC, AUDITOR),
            ep(Service.CASE_RETURN, "POST", "/api/return-requests/{id}/safeguarding-concerns", QA, SPOC, AUDITOR),
            ep(Service.CASE_RETURN, "POST", "/api/return-requests/{id}/safeguarding-concerns/{concernId}/acknowledgement", QA, SPOC),
            ep(Service.CASE_RETURN, "POST", "/api/return-requests/{id}/acceptance", QA),
            ep(Service.CASE_RETURN, "POST", "/api/return-requests/{id}/send-back", QA),
            ep(Service.CASE_RETURN, "POST", "/api/return-requests/{id}/extension", QA),
            ep(Service.CASE_RETURN, "GET", "/api/safeguarding-concerns/urgent", QA, SPOC),
            ep(Service.CASE_RETURN, "GET", "/api/access-records", QA),
            ep(Service.CASE_RETURN, "GET", "/api/return-requests/{id}/agency-case-number", SPOC),
            ep(Service.CASE_RETURN, "PUT", "/api/return-requests/{id}/agency-case-number", SPOC),
            ep(Service.CASE_RETURN, "GET", "/api/access-records/export", QA),
            // retention (ADR 0016): the QA coordinator shreds an audit's sensitive text ahead of the policy
            ep(Service.CASE_RETURN, "GET", "/api/retention/audits/{auditId}/shredding", QA),
            ep(Service.CASE_RETURN, "POST", "/api/retention/audits/{auditId}/shredding", QA),
            // action-plan-service: QA runs the learning; lead officers their agency's actions, whose closure
            // they propose and the QA coordinator or the Board decides; the Board reads.
            ep(Service.ACTION_PLAN, "GET", "/api/actions", BOARD, QA, LEAD, AUDIT_LEAD),
            ep(Service.ACTION_PLAN, "GET", "/api/audits/{auditId}/actions/{actionId}", BOARD, QA, LEAD, AUDIT_LEAD),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/actions/{actionId}/progress-updates", QA, LEAD),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/actions/{actionId}/closure-proposal", QA, LEAD),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/actions/{actionId}/closure-proposal/confirmation", QA, BOARD),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/actions/{actionId}/closure-proposal/return", QA, BOARD),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/actions/{actionId}/closure", QA, BOARD),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/actions/{actionId}/reopening", QA),
            ep(Service.ACTION_PLAN, "GET", "/api/audits/{auditId}", BOARD, QA, AUDIT_LEAD),
            ep(Service.ACTION_PLAN, "GET", "/api/audits/{auditId}/findings", BOARD, QA, AUDIT_LEAD),
            ep(Service.ACTION_PLAN, "GET", "/api/audits/{auditId}/action-plans", BOARD, QA, AUDIT_LEAD),
            ep(Service.ACTION_PLAN, "GET", "/api/finding-aspects", BOARD, QA),
            ep(Service.ACTION_PLAN, "POST", "/api/finding-aspects", QA),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/findings", QA),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/findings/{findingId}/recognition", QA),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/action-plans", QA),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/action-plans/{planId}/actions", QA),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/action-plans/{planId}/agreement", QA, BOARD),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/action-plans/{planId}/dissemination", QA),
            ep(Service.ACTION_PLAN, "POST", "/api/audits/{auditId}/action-plans/{planId}/monitoring-rounds", QA),
            // reporting-service
            ep(Service.REPORTING, "GET", "/api/outstanding-returns", BOARD, QA, SPOC, AUDITOR, AUDIT_LEAD),
            ep(Service.REPORTING, "GET", "/api/safeguarding-concerns", QA, SPOC),
            ep(Service.REPORTING, "GET", "/api/actions", BOARD, QA, LEAD, AUDIT_LEAD),
            ep(Service.REPORTING, "GET", "/api/scorecard", BOARD, QA, AUDIT_LEAD),
            ep(Service.REPORTING, "GET", "/api/scorecard/by-audit", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/scorecard/by-agency", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/agency-compliance", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/programmes/{programmeId}/schedule", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/audits/{auditId}/matrix", BOARD, QA, AUDIT_LEAD),
            ep(Service.REPORTING, "GET", "/api/recurring-themes", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/business-plans", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/business-plans/{planId}", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/business-plans/{planId}/scorecard", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/audit-learning", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/training-needs", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/board-scorecard/{programmeId}", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/board-scorecard/{programmeId}.csv", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/annual-reports/{programmeId}", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/annual-reports/{programmeId}.pdf", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/annual-reports/{programmeId}.xlsx", BOARD, QA),
            ep(Service.REPORTING, "GET", "/api/rebuilds/current", QA),
            ep(Service.REPORTING, "POST", "/api/rebuilds", QA),
            ep(Service.REPORTING, "GET", "/api/as-at/checkpoints", QA),
            ep(Service.REPORTING, "POST", "/api/as-at/checkpoints", QA),
            ep(Service.REPORTING, "GET", "/api/access-records/export", QA),
            // notification-service: the QA coordinator keeps the directory and sees all; a SPOC their agency's.
            ep(Service.NOTIFICATION, "GET", "/api/contacts", QA, SPOC),
            ep(Service.NOTIFICATION, "POST", "/api/contacts", QA, SPOC),
            ep(Service.NOTIFICATION, "GET", "/api/contacts/{id}", QA, SPOC),
            ep(Service.NOTIFICATION, "PUT", "/api/contacts/{id}", QA, SPOC),
            ep(Service.NOTIFICATION, "DELETE", "/api/contacts/{id}", QA, SPOC),
            ep(Service.NOTIFICATION, "GET", "/api/contacts/{id}/changes", QA, SPOC),
            ep(Service.NOTIFICATION, "GET", "/api/agency-webhooks", QA, SPOC),
            ep(Service.NOTIFICATION, "GET", "/api/agency-webhooks/{agency}", QA, SPOC),
            ep(Service.NOTIFICATION, "PUT", "/api/agency-webhooks/{agency}", QA, SPOC),
            ep(Service.NOTIFICATION, "DELETE", "/api/agency-webhooks/{agency}", QA, SPOC),
            ep(Service.NOTIFICATION, "GET", "/api/agency-webhooks/{agency}/changes", QA, SPOC),
            ep(Service.NOTIFICATION, "GET", "/api/notifications", QA, SPOC),
            ep(Service.NOTIFICATION, "GET", "/api/notification-templates", QA),
            ep(Service.NOTIFICATION, "GET", "/api/notification-templates/{kind}/preview", QA));

    private static String myRequest;
    private static String theirRequest;
    private static String myConcern;
    private static String theirConcern;

    @BeforeAll
    static void fixture() {
        CASE = Commission.issuedReferences(send(Service.AUDIT_PROGRAMME, "POST", "/api/audits", TestTokens.qaCoordinator(),
                commission(), 201).json()).get(0);
        myRequest = ReturnRequests.await(TestPlatform.api(Service.CASE_RETURN), AUDIT, CASE, MINE);
        theirRequest = ReturnRequests.await(TestPlatform.api(Service.CASE_RETURN), AUDIT, CASE, THEIRS);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                send(Service.ACTION_PLAN, "GET", "/api/audits/" + AUDIT, TestTokens.qaCoordinator(), null).status() == 200);
        myConcern = concern(myRequest);
        theirConcern = concern(theirRequest);

        String qa = TestTokens.qaCoordinator();
        String base = "/api/audits/" + AUDIT;
        send(Service.ACTION_PLAN, "POST", base + "/findings", qa, JSON.createObjectNode().put("findingId", "f1")
                .put("aspect", "management-oversight").put("kind", "AREA_FOR_IMPROVEMENT").put("summary", "Found")
                .put("recommendation", "Act").put("recordedBy", "QA").toString(), 201);
        send(Service.ACTION_PLAN, "POST", base + "/action-plans", qa, JSON.createObjectNode().put("planId", "p1")
                .put("title", "Plan").put("draftedBy", "QA").toString(), 201);
        for (String agency : List.of(MINE, THEIRS)) {
            var action = JSON.createObjectNode().put("actionId", "a-" + agency).put("description", "Do it")
                    .put("owningAgency", agency).put("lead", "Head of Service")
                    .put("dueDate", LocalDate.now().plusDays(90).toString()).put("successMeasure", "Done");
            action.putArray("addressesFindings").add("f1");
            send(Service.ACTION_PLAN, "POST", base + "/action-plans/p1/actions", qa, action.toString(), 201);
        }
        send(Service.ACTION_PLAN, "POST", base + "/action-plans/p1/agreement", qa,
                JSON.createObjectNode().put("agreedBy", "Board").put("boardMeeting", "LSCB Board, July").toString(), 201);
    }

    @Test
    void theMatrixNamesExactlyTheEndpointsEachServicePublishes() {
        for (Service service : API_SERVICES) {
            JsonNode docs = JSON.readTree(send(service, "GET", "/v3/api-docs", TestTokens.boardMember(), null).body());
            Set<String> published = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").properties().iterator(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().propertyNames().forEach(method -> published.add(method.toUpperCase() + " " + path.getKey()));
            }
            Set<String> declared = new TreeSet<>();
            MATRIX.stream().filter(e -> e.service() == service).forEach(e -> declared.add(e.method() + " " + e.path()));
            assertThat(declared).as("the matrix for %s", service).isEqualTo(published);
        }
    }

    @Test
    void everyEndpointRefusesMissingAndBadTokensWith401AsProblemDetails() {
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("none", null);
        badTokens.put("expired", TestTokens.expired());
        badTokens.put("tampered", TestTokens.tampered(MINE));
        badTokens.put("foreign signature", TestTokens.foreignSignature());
        badTokens.put("wrong issuer", TestTokens.wrongIssuer());
        badTokens.put("garbage", "not-a-jwt");
        badTokens.put("no MAAP role", TestTokens.token("someone", null, "ADMIN"));
        badTokens.put("agency role without agency", TestTokens.token("someone", null, "AGENCY_SPOC"));
        badTokens.put("audit lead without audit", TestTokens.token("someone", null, "AUDIT_LEAD"));
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : MATRIX) {
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                Response response = call(endpoint, bad.getValue());
                if (response.status() != 401 || !response.contentType().startsWith("application/problem+json")
                        || response.header("WWW-Authenticate") == null) {
                    failures.add(endpoint + " with " + bad.getKey() + " token: " + response.status() + " " + response.contentType());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyRoleNotAllowedGets403AndEveryRoleAllowedGetsThrough() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : MATRIX) {
            for (Role role : Role.values()) {
                Response response = call(endpoint, role);
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed && (response.status() == 401 || response.status() == 403 || response.status() >= 500)) {
                    failures.add(role + " refused on " + endpoint + ": " + response.status() + " " + response.body());
                }
                if (!allowed && (response.status() != 403 || !response.contentType().startsWith("application/problem+json"))) {
                    failures.add(role + " not refused on " + endpoint + ": " + response.status());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void anotherAgencysReturnRequestIsNotFoundAndUnchanged() {
        String before = send(Service.CASE_RETURN, "GET", "/api/return-requests/" + theirRequest, TestTokens.qaCoordinator(), null).body();
        String theirs = "/api/return-requests/" + theirRequest;
        for (String token : List.of(TestTokens.spoc(MINE), TestTokens.auditor(MINE))) {
            assertNotFound(Service.CASE_RETURN, "GET", theirs, token, null);
            assertNotFound(Service.CASE_RETURN, "GET", theirs + "/versions", token, null);
            assertNotFound(Service.CASE_RETURN, "GET", theirs + "/safeguarding-concerns", token, null);
            assertNotFound(Service.CASE_RETURN, "POST", theirs + "/submissions", token, submission());
            assertNotFound(Service.CASE_RETURN, "POST", theirs + "/nil-return", token, nilReturn());
            assertNotFound(Service.CASE_RETURN, "POST", theirs + "/safeguarding-concerns", token,
                    JSON.createObjectNode().put("raisedBy", "Auditor").put("summary", "Concern").toString());
        }
        String spoc = TestTokens.spoc(MINE);
        assertNotFound(Service.CASE_RETURN, "POST", theirs + "/acknowledgement", spoc, acknowledgement());
        assertNotFound(Service.CASE_RETURN, "POST", theirs + "/auditor", spoc,
                JSON.createObjectNode().put("auditor", "DI Brown").put("nominatedBy", "SPOC").toString());
        assertNotFound(Service.CASE_RETURN, "POST", theirs + "/safeguarding-concerns/" + theirConcern + "/acknowledgement", spoc,
                JSON.createObjectNode().put("acknowledgedBy", "SPOC").put("response", "Referred").toString());

        assertThat(send(Service.CASE_RETURN, "GET", theirs, TestTokens.qaCoordinator(), null).body()).isEqualTo(before);
        assertThat(JSON.readTree(send(Service.CASE_RETURN, "GET", theirs + "/versions", TestTokens.qaCoordinator(), null).body())
                .size()).isZero();

        // The same calls on the agency's own request go through: it is the agency, not the call, that is refused.
        send(Service.CASE_RETURN, "POST", "/api/return-requests/" + myRequest + "/acknowledgement", spoc, acknowledgement(), 200);
        send(Service.CASE_RETURN, "POST", "/api/return-requests/" + myRequest + "/submissions", TestTokens.auditor(MINE),
                submission(), 200);
    }

    @Test
    void listsShowAnAgencyOnlyItsOwnObjects() {
        String spoc = TestTokens.spoc(MINE);
        JsonNode mine = JSON.readTree(send(Service.CASE_RETURN, "GET", "/api/return-requests?auditId=" + AUDIT + "&outstanding=false",
                spoc, null).body());
        assertThat(mine.findValuesAsString("agency")).containsOnly(MINE).isNotEmpty();
        assertThat(JSON.readTree(send(Service.CASE_RETURN, "GET", "/api/return-requests?agency=" + THEIRS, spoc, null).body()).size())
                .isZero();
        assertThat(JSON.readTree(send(Service.CASE_RETURN, "GET", "/api/safeguarding-concerns/urgent", spoc, null).body())
                .findValuesAsString("agency")).containsOnly(MINE).isNotEmpty();

        JsonNode actions = JSON.readTree(send(Service.ACTION_PLAN, "GET", "/api/actions?auditId=" + AUDIT,
                TestTokens.leadOfficer(MINE), null).body());
        assertThat(actions.findValuesAsString("owningAgency")).containsExactly(MINE);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode outstanding = JSON.readTree(send(Service.REPORTING, "GET", "/api/outstanding-returns?auditId=" + AUDIT,
                    TestTokens.qaCoordinator(), null).body());
            assertThat(outstanding.get("items").findValuesAsString("agency")).contains(THEIRS);
            JsonNode own = JSON.readTree(send(Service.REPORTING, "GET", "/api/outstanding-returns?auditId=" + AUDIT,
                    TestTokens.auditor(MINE), null).body());
            assertThat(own.get("items").findValuesAsString("agency")).doesNotContain(THEIRS);
            JsonNode asked = JSON.readTree(send(Service.REPORTING, "GET", "/api/outstanding-returns?agency=" + THEIRS,
                    TestTokens.spoc(MINE), null).body());
            assertThat(asked.get("total").asLong()).isZero();
            JsonNode concerns = JSON.readTree(send(Service.REPORTING, "GET", "/api/safeguarding-concerns?auditId=" + AUDIT,
                    TestTokens.spoc(MINE), null).body());
            assertThat(concerns.get("items").findValuesAsString("agency")).containsOnly(MINE).isNotEmpty();
            JsonNode reportedActions = JSON.readTree(send(Service.REPORTING, "GET", "/api/actions?auditId=" + AUDIT,
                    TestTokens.leadOfficer(THEIRS), null).body());
            assertThat(reportedActions.get("items").findValuesAsString("owningAgency")).containsExactly(THEIRS);
        });
    }

    @Test
    void anAuditLeadSeesEveryAgencyOfTheirAuditAndNoOtherAudit() {
        String lead = TestTokens.auditLead(AUDIT);
        JsonNode requests = JSON.readTree(send(Service.CASE_RETURN, "GET", "/api/return-requests?auditId=" + AUDIT
                + "&outstanding=false", lead, null).body());
        assertThat(requests.findValuesAsString("agency")).contains(MINE, THEIRS);
        JsonNode actions = JSON.readTree(send(Service.ACTION_PLAN, "GET", "/api/actions?auditId=" + AUDIT, lead, null).body());
        assertThat(actions.findValuesAsString("owningAgency")).containsExactlyInAnyOrder(MINE, THEIRS);
        send(Service.ACTION_PLAN, "GET", "/api/audits/" + AUDIT + "/actions/a-" + THEIRS, lead, null, 200);

        String other = "rbr-2017-neglect";
        for (Service service : List.of(Service.AUDIT_PROGRAMME, Service.ACTION_PLAN)) {
            assertThat(send(service, "GET", "/api/audits/" + other, lead, null).status()).isEqualTo(403);
        }
        assertThat(send(Service.REPORTING, "GET", "/api/scorecard?auditId=" + other, lead, null).status()).isEqualTo(403);
        assertThat(send(Service.REPORTING, "GET", "/api/scorecard?auditId=" + AUDIT + "&auditId=" + other, lead, null)
                .status()).isEqualTo(403);
        assertThat(send(Service.REPORTING, "GET", "/api/scorecard", lead, null).status()).isEqualTo(403);
        assertThat(send(Service.CASE_RETURN, "GET", "/api/return-requests", lead, null).status()).isEqualTo(403);
        assertThat(send(Service.ACTION_PLAN, "POST", "/api/audits/" + AUDIT + "/findings", lead, "{}").status()).isEqualTo(403);
        assertThat(send(Service.REPORTING, "GET", "/api/audits/" + AUDIT + "/matrix", lead, null).status()).isNotIn(401, 403);
    }

    @Test
    void anotherAgencysActionIsNotFoundToALeadOfficerAndUnchanged() {
        String theirs = "/api/audits/" + AUDIT + "/actions/a-" + THEIRS;
        String before = send(Service.ACTION_PLAN, "GET", theirs, TestTokens.qaCoordinator(), null).body();
        String lead = TestTokens.leadOfficer(MINE);
        assertNotFound(Service.ACTION_PLAN, "GET", theirs, lead, null);
        assertNotFound(Service.ACTION_PLAN, "POST", theirs + "/progress-updates", lead, progress());
        assertNotFound(Service.ACTION_PLAN, "POST", theirs + "/closure-proposal", lead,
                JSON.createObjectNode().put("evidenceOfImpact", "Audit shows it").put("proposedBy", "Lead").toString());
        assertThat(send(Service.ACTION_PLAN, "GET", theirs, TestTokens.qaCoordinator(), null).body()).isEqualTo(before);

        send(Service.ACTION_PLAN, "POST", "/api/audits/" + AUDIT + "/actions/a-" + MINE + "/progress-updates", lead, progress(), 201);
    }

    /**
     * Who may act on an action or a return request is decided by the object itself, from its own
     * agency, so each agency command is tried at once after the object is created: before the
     * action-plan read model (a tracking processor) has necessarily caught up, and on return
     * requests as soon as they exist (their read model is written in the same transaction).
     */
    @Test
    void everyAgencyCommandIsDecidedByItsObjectAsSoonAsTheObjectExists() {
        String audit = "it-fresh-" + UUID.randomUUID().toString().substring(0, 8);
        String qa = TestTokens.qaCoordinator();
        List<String> cases = Commission.issuedReferences(send(Service.AUDIT_PROGRAMME, "POST", "/api/audits", qa,
                Commission.audit(audit).programme("redbridge-2026-27").titled("Fresh objects", "Neglect")
                        .toolSentOn(LocalDate.now().minusDays(3)).cases(2).agencies(MINE, THEIRS).toString(), 201).json());

        // Return requests: each agency command, on another agency's request, then on the agency's own.
        Map<String, String> requests = ReturnRequests.await(TestPlatform.api(Service.CASE_RETURN), audit, 4);
        String spoc = TestTokens.spoc(MINE);
        String auditor = TestTokens.auditor(MINE);
        String mine = "/api/return-requests/" + requests.get(ReturnRequests.key(cases.get(0), MINE));
        String mineToo = "/api/return-requests/" + requests.get(ReturnRequests.key(cases.get(1), MINE));
        String theirs = "/api/return-requests/" + requests.get(ReturnRequests.key(cases.get(0), THEIRS));
        String concernId = "c-fresh-" + UUID.randomUUID().toString().substring(0, 8);
        String theirConcernId = concernId + "-theirs";
        send(Service.CASE_RETURN, "POST", theirs + "/safeguarding-concerns", qa, concernBody(theirConcernId), 200);
        String before = send(Service.CASE_RETURN, "GET", theirs, qa, null).body();
        String concernsBefore = send(Service.CASE_RETURN, "GET", theirs + "/safeguarding-concerns", qa, null).body();
        record Call(String token, String path, String body) {
        }
        List<Call> calls = List.of(
                new Call(spoc, "/acknowledgement", acknowledgement()),
                new Call(spoc, "/auditor", JSON.createObjectNode().put("auditor", "DI Green").put("nominatedBy", "SPOC").toString()),
                new Call(auditor, "/safeguarding-concerns", concernBody(concernId)),
                new Call(spoc, "/safeguarding-concerns/" + concernId + "/acknowledgement",
                        JSON.createObjectNode().put("acknowledgedBy", "SPOC").put("response", "Referred").toString()),
                new Call(auditor, "/submissions", submission()));
        for (Call call : calls) {
            String onTheirs = call.path().replace(concernId, theirConcernId);
            assertNotFound(Service.CASE_RETURN, "POST", theirs + onTheirs, call.token(), call.body());
            send(Service.CASE_RETURN, "POST", mine + call.path(), call.token(), call.body(), 200);
        }
        assertNotFound(Service.CASE_RETURN, "POST", theirs + "/nil-return", spoc, nilReturn());
        send(Service.CASE_RETURN, "POST", mineToo + "/nil-return", spoc, nilReturn(), 200);
        assertThat(send(Service.CASE_RETURN, "GET", theirs, qa, null).body()).isEqualTo(before);
        assertThat(send(Service.CASE_RETURN, "GET", theirs + "/safeguarding-concerns", qa, null).body()).isEqualTo(concernsBefore);

        // Actions: the plans are agreed, and each agency's lead officer acts at once, before any read.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                send(Service.ACTION_PLAN, "GET", "/api/audits/" + audit, qa, null).status() == 200);
        String base = "/api/audits/" + audit;
        send(Service.ACTION_PLAN, "POST", base + "/findings", qa, JSON.createObjectNode().put("findingId", "f1")
                .put("aspect", "management-oversight").put("kind", "AREA_FOR_IMPROVEMENT").put("summary", "Found")
                .put("recommendation", "Act").put("recordedBy", "QA").toString(), 201);
        for (String agency : List.of(MINE, THEIRS)) {
            String plan = "p-" + agency;
            send(Service.ACTION_PLAN, "POST", base + "/action-plans", qa, JSON.createObjectNode().put("planId", plan)
                    .put("agency", agency).put("title", "Plan").put("draftedBy", "QA").toString(), 201);
            var action = JSON.createObjectNode().put("actionId", "a-" + agency).put("description", "Do it")
                    .put("owningAgency", agency).put("lead", "Head of Service")
                    .put("dueDate", LocalDate.now().plusDays(90).toString()).put("successMeasure", "Done");
            action.putArray("addressesFindings").add("f1");
            send(Service.ACTION_PLAN, "POST", base + "/action-plans/" + plan + "/actions", qa, action.toString(), 201);
            send(Service.ACTION_PLAN, "POST", base + "/action-plans/" + plan + "/agreement", qa,
                    JSON.createObjectNode().put("agreedBy", "Board").put("boardMeeting", "LSCB Board, July").toString(), 201);
        }
        String lead = TestTokens.leadOfficer(MINE);
        String proposal = JSON.createObjectNode().put("evidenceOfImpact", "Audit shows it").put("proposedBy", "Lead").toString();
        assertNotFound(Service.ACTION_PLAN, "POST", base + "/actions/a-" + THEIRS + "/progress-updates", lead, progress());
        assertNotFound(Service.ACTION_PLAN, "POST", base + "/actions/a-" + THEIRS + "/closure-proposal", lead, proposal);
        send(Service.ACTION_PLAN, "POST", base + "/actions/a-" + MINE + "/progress-updates", lead, progress(), 201);
        send(Service.ACTION_PLAN, "POST", base + "/actions/a-" + MINE + "/closure-proposal", lead, proposal, 201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode theirAction = JSON.readTree(send(Service.ACTION_PLAN, "GET", base + "/actions/a-" + THEIRS, qa, null,
                    200).body());
            JsonNode myAction = JSON.readTree(send(Service.ACTION_PLAN, "GET", base + "/actions/a-" + MINE, qa, null,
                    200).body());
            assertThat(myAction.findValuesAsString("rag")).contains("AMBER");
            assertThat(theirAction.findValuesAsString("rag")).doesNotContain("AMBER");
        });
    }

    @Test
    void anAgencysOwnCaseNumberIsKeptApartAndReadOnlyByItsSpoc() {
        String mine = "/api/return-requests/" + myRequest + "/agency-case-number";
        String number = "CRIS 01/2345/26-" + UUID.randomUUID().toString().substring(0, 6);
        String body = JSON.createObjectNode().put("caseNumber", number).toString();
        String spoc = TestTokens.spoc(MINE);
        send(Service.CASE_RETURN, "PUT", mine, spoc, body, 200);
        JsonNode kept = JSON.readTree(send(Service.CASE_RETURN, "GET", mine, spoc, null, 200).body());
        assertThat(kept.get("caseNumber").asString()).isEqualTo(number);
        assertThat(kept.get("caseReference").asString()).isEqualTo(CASE);

        assertNotFound(Service.CASE_RETURN, "GET", mine, TestTokens.spoc(THEIRS), null);
        assertNotFound(Service.CASE_RETURN, "PUT", mine, TestTokens.spoc(THEIRS), body);
        for (String other : List.of(TestTokens.qaCoordinator(), TestTokens.auditor(MINE), TestTokens.boardMember())) {
            assertThat(send(Service.CASE_RETURN, "GET", mine, other, null).status()).isEqualTo(403);
        }
        String qa = TestTokens.qaCoordinator();
        for (String read : List.of("", "/versions", "/safeguarding-concerns")) {
            assertThat(send(Service.CASE_RETURN, "GET", "/api/return-requests/" + myRequest + read, qa, null, 200).body())
                    .doesNotContain(number);
        }
        assertThat(send(Service.CASE_RETURN, "GET", mine, spoc, null, 200).body()).contains(number);
    }

    @Test
    void changesRecordWhoMadeThemAndReadsOfAReturnAreLogged() throws Exception {
        String correlation = "it-" + UUID.randomUUID();
        String concernId = "c-attrib-" + UUID.randomUUID().toString().substring(0, 8);
        Response raised = send(Service.CASE_RETURN, "POST", "/api/return-requests/" + myRequest + "/safeguarding-concerns",
                TestTokens.auditor(MINE), JSON.createObjectNode().put("concernId", concernId).put("raisedBy", "Auditor")
                        .put("summary", "Concern").toString(), Map.of("X-Correlation-Id", correlation));
        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.header("X-Correlation-Id")).isEqualTo(correlation);
        assertThat(storedMetaData(Service.CASE_RETURN, concernId))
                .containsEntry("actor", "auditor." + MINE).containsEntry("actorRole", "AGENCY_AUDITOR")
                .containsEntry("actorAgency", MINE).containsEntry("requestCorrelationId", correlation);

        send(Service.CASE_RETURN, "GET", "/api/return-requests/" + myRequest + "/versions", TestTokens.spoc(MINE), null, 200);
        JsonNode records = JSON.readTree(send(Service.CASE_RETURN, "GET",
                "/api/access-records?returnRequestId=" + myRequest + "&userId=spoc." + MINE, TestTokens.qaCoordinator(), null).body());
        assertThat(records.get("total").asLong()).isPositive();
        JsonNode latest = records.get("items").get(0);
        assertThat(latest.get("subject").asString()).isEqualTo("VERSIONS");
        assertThat(latest.get("role").asString()).isEqualTo("AGENCY_SPOC");
        assertThat(latest.get("userAgency").asString()).isEqualTo(MINE);
        assertThat(latest.get("returnAgency").asString()).isEqualTo(MINE);
    }

    @Test
    void aDemoUserSignsInAtTheLocalProviderWithTokenShAndTheServicesAcceptTheToken() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "../token.sh", "spoc." + MINE);
        builder.environment().put("MAAP_ISSUER_URI", TestPlatform.identityUrl());
        Process process = builder.start();
        String token = new String(process.getInputStream().readAllBytes()).strip();
        String errors = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor()).as("token.sh: %s", errors).isZero();
        assertThat(token).isNotBlank();
        JsonNode requests = JSON.readTree(send(Service.CASE_RETURN, "GET", "/api/return-requests?auditId=" + AUDIT
                + "&outstanding=false", token, null, 200).body());
        assertThat(requests.findValuesAsString("agency")).containsOnly(MINE).isNotEmpty();
        send(Service.CASE_RETURN, "GET", "/api/return-requests/" + theirRequest, token, null, 404);
        send(Service.CASE_RETURN, "POST", "/api/return-requests/" + myRequest + "/acceptance", token, "{}", 403);

        ProcessBuilder wrongPassword = new ProcessBuilder("bash", "../token.sh", "spoc." + MINE, "not-the-password");
        wrongPassword.environment().put("MAAP_ISSUER_URI", TestPlatform.identityUrl());
        Process wrong = wrongPassword.start();
        assertThat(wrong.waitFor()).isNotZero();
    }

    @Test
    void freeTextAboutAChildNeverReachesTheLogs() throws Exception {
        String marker = "Zebedee-" + UUID.randomUUID().toString().substring(0, 8);
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            String auditor = TestTokens.auditor(MINE);
            String request = "/api/return-requests/" + myRequest;
            // Free text in well-formed and in malformed requests, and in a malformed agency message.
            send(Service.CASE_RETURN, "POST", request + "/safeguarding-concerns", auditor, JSON.createObjectNode()
                    .put("raisedBy", "Auditor").put("summary", marker + " disclosed at school").toString());
            send(Service.CASE_RETURN, "POST", request + "/submissions", auditor,
                    "{\"submittedBy\":\"" + marker + "\",\"answers\":\"" + marker + "\"}");
            send(Service.CASE_RETURN, "POST", request + "/submissions", auditor, "{\"answers\":[{\"answer\":\"" + marker);
            send(Service.CASE_RETURN, "POST", request + "/send-back", TestTokens.qaCoordinator(),
                    "{\"version\":\"" + marker + "\",\"reasons\":\"" + marker + "\"}");
            send(Service.ACTION_PLAN, "POST", "/api/audits/" + AUDIT + "/findings", TestTokens.qaCoordinator(),
                    "{\"findingId\":\"" + marker + " !\",\"summary\":\"" + marker + "\",\"kind\":\"" + marker + "\"}");
            CloudEventRecords.send(TestPlatform.kafka(), CloudEventRecords.binary(Topics.agencySubmissions(MINE), MINE, marker,
                    "urn:maap:agency:" + MINE, "maap.agency.nil-return-submitted.v1", "{\"auditId\":\"" + AUDIT
                            + "\",\"caseReference\":\"" + marker + "\",\"agency\":\"met-police\",\"submittedBy\":" + marker + "}"));
            await().atMost(Duration.ofSeconds(60)).until(() -> logs.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().startsWith("Agency message rejected")));
        } finally {
            root.detachAppender(logs);
        }
        List<String> leaks = logs.list.stream()
                .filter(e -> e.getFormattedMessage().contains(marker) || (e.getThrowableProxy() != null
                        && throwableText(e.getThrowableProxy()).contains(marker)))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        assertThat(leaks).isEmpty();
    }

    private static String throwableText(ch.qos.logback.classic.spi.IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (var p = proxy; p != null; p = p.getCause()) {
            text.append(p.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void healthStaysOpen() {
        for (Service service : API_SERVICES) {
            assertThat(send(service, "GET", "/actuator/health/liveness", null, null).status()).isEqualTo(200);
            assertThat(send(service, "GET", "/actuator/health/readiness", null, null).status()).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static Endpoint ep(Service service, String method, String path, Role... allowed) {
        return new Endpoint(service, method, path, allowed.length == 0 ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(List.of(allowed)));
    }

    private static Endpoint ep(Service service, String method, String path, Set<Role> allowed) {
        return new Endpoint(service, method, path, allowed);
    }

    /**
     * Calls an endpoint with its path filled with the fixture's own-agency objects. Bodies are
     * unreadable JSON, so that a call that gets past security is refused with 400 and changes nothing.
     */
    /**
     * The endpoint as the role would call it: an audit lead's request names their audit, in the path
     * or, for a list, as the {@code auditId} parameter.
     */
    private static Response call(Endpoint endpoint, Role role) {
        return call(endpoint, role.token(MINE), role == AUDIT_LEAD && endpoint.method().equals("GET")
                && !endpoint.path().contains("{auditId}") ? "?auditId=" + AUDIT : "");
    }

    private static Response call(Endpoint endpoint, String token) {
        return call(endpoint, token, "");
    }

    private static Response call(Endpoint endpoint, String token, String query) {
        String path = endpoint.path()
                .replace("{programmeId}", "redbridge-2026-27").replace("{auditId}", AUDIT)
                .replace("{id}", myRequest).replace("{concernId}", myConcern).replace("{actionId}", "a-" + MINE)
                .replace("{planId}", "p1").replace("{findingId}", "f1").replace("{milestone}", "CHALLENGE_DAY")
                .replace("{activityId}", "none").replace("{measureId}", "m1").replace("{priorityId}", "1.1")
                .replace("{agency}", MINE).replace("{kind}", "REMINDER") + query;
        String body = endpoint.method().equals("GET") ? null : "{\"unreadable\":";
        return send(endpoint.service(), endpoint.method(), path, token, body);
    }

    private static void assertNotFound(Service service, String method, String path, String token, String body) {
        Response response = send(service, method, path, token, body);
        assertThat(response.status()).as("%s %s", method, path).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static Response send(Service service, String method, String path, String token, String body, int expected) {
        return send(service, method, path, token, body).expect(method, path, expected);
    }

    private static Response send(Service service, String method, String path, String token, String body) {
        return TestPlatform.api(service, token).send(method, path, body);
    }

    private static Response send(Service service, String method, String path, String token, String body,
                                 Map<String, String> headers) {
        return TestPlatform.api(service, token).send(method, path, body.getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    /**
     * The Axon metadata of the event a service stored with {@code marker} in its payload. Who made a
     * change is kept there (docs/security.md) and no API shows it, so this reads the service's event
     * store, from the start, by content rather than by aggregate (the service may cut its aggregates
     * as it likes).
     */
    private static MetaData storedMetaData(Service service, String marker) throws InterruptedException {
        EventStore events = TestPlatform.services().context(service).getBean(EventStore.class);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event.getPayload().toString().contains(marker)) {
                    return event.getMetaData();
                }
            }
        }
        throw new AssertionError("No event stored by " + service.serviceName() + " holds " + marker);
    }

    private static String concern(String requestId) {
        String concernId = "c-" + UUID.randomUUID().toString().substring(0, 8);
        send(Service.CASE_RETURN, "POST", "/api/return-requests/" + requestId + "/safeguarding-concerns", TestTokens.qaCoordinator(),
                JSON.createObjectNode().put("concernId", concernId).put("raisedBy", "QA").put("summary", "Concern").toString(), 200);
        return concernId;
    }

    private static String commission() {
        return Commission.audit(AUDIT).programme("redbridge-2026-27").titled("Security fixture", "Neglect")
                .toolSentOn(LocalDate.now().minusDays(3)).cases(1).agencies(MINE, THEIRS).toString();
    }

    private static String concernBody(String concernId) {
        return JSON.createObjectNode().put("concernId", concernId).put("raisedBy", "Auditor").put("summary", "Concern")
                .toString();
    }

    private static String submission() {
        var body = JSON.createObjectNode().put("submittedBy", "Auditor");
        body.putArray("answers").addObject().put("questionId", "q1").put("answer", "Seen").put("grade", "good");
        return body.toString();
    }

    private static String nilReturn() {
        return JSON.createObjectNode().put("submittedBy", "SPOC").toString();
    }

    private static String acknowledgement() {
        return JSON.createObjectNode().put("acknowledgedBy", "SPOC Met").put("caseHolder", "DC Jones")
                .put("lineManager", "DS Patel").put("auditor", "DI Brown").toString();
    }

    private static String progress() {
        return JSON.createObjectNode().put("updateId", "u-" + UUID.randomUUID().toString().substring(0, 8))
                .put("rag", "AMBER").put("note", "Under way").put("reportedBy", "Lead").toString();
    }
}
