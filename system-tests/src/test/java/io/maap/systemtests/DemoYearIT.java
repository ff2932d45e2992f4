package io.maap.systemtests;

import io.maap.local.MaapServices.Service;
import io.maap.testsupport.api.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local run's demo year tells seed 000's story through reporting's views (issue 18, item 9):
 * the 2017-18 programme carried through on the seed's dates (returns in, a few late, a few nil;
 * round tables held in their weeks; reports to the Executive; plans agreed, monitored, closed), so
 * that on 18 July 2017 the neglect audit is mid-way and nothing is overdue, and today only the
 * current programme has work outstanding and overdue.
 */
class DemoYearIT {

    private static final String PROGRAMME = "redbridge-2017-18";
    /**
     * The demo's audits of the programme. Other tests of this JVM commission audits in the same
     * programme (the test commissions' default), so every figure here is of these audits alone.
     */
    private static final List<String> DEMO_AUDITS = List.of("rbr-s11-2016-18", "rbr-2017-neglect", "rbr-2017-missing",
            "rbr-2017-esafety", "rbr-2017-mental-health", "rbr-2018-fgm");
    /** The current programme of the local run's demo data. */
    private static final String CURRENT = "redbridge-current";
    private static ApiClient reporting;

    @BeforeAll
    static void loadTheDemoData() {
        TestPlatform.withDemoData();
        reporting = TestPlatform.api(Service.REPORTING);
        // Reporting has caught up once every audit of the programme shows closed.
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() ->
                stages("").values().stream().allMatch("CLOSED"::equals) && returns("").get("received") == 160);
    }

    /**
     * On 18 July 2017 (the README's example) the neglect audit is mid-way: its returns are in (the
     * last two working days late on 16 May), the round table was held on 24 May and the draft report
     * went to the Working Group on 4 July, but the Executive signs it off only on 20 September. The
     * missing children audit's returns are not due until 7 August, so nothing is overdue; the Section
     * 11 action plans were presented to the July Board that day.
     */
    @Test
    void asOf18July2017TheNeglectAuditIsMidWayAndNothingIsOverdue() {
        String asOf = "asOf=2017-07-18";
        assertThat(stages(asOf)).containsExactly(
                Map.entry("rbr-s11-2016-18", "ACTION_PLANS_PRESENTED"),
                Map.entry("rbr-2017-neglect", "REPORT_DRAFTED"),
                Map.entry("rbr-2017-missing", "COMMISSIONED"),
                Map.entry("rbr-2017-esafety", "PLANNED"),
                Map.entry("rbr-2017-mental-health", "PLANNED"),
                Map.entry("rbr-2018-fgm", "PLANNED"));

        Map<String, Integer> returns = returns(asOf);
        assertThat(returns.get("expected")).isEqualTo(65); // 5 neglect and 8 missing cases, 5 agencies each
        assertThat(returns.get("received")).isEqualTo(27); // every neglect return, two nil missing returns
        assertThat(returns.get("late")).isEqualTo(3); // two 2 working days late, one 1 day late
        assertThat(returns.get("nil")).isEqualTo(3);
        assertThat(returns.get("outstanding")).isEqualTo(38);
        assertThat(returns.get("overdue")).isZero();
        for (JsonNode overdue : reporting.getJson("/api/outstanding-returns?programmeId=" + PROGRAMME + "&overdue=true&size=500&"
                + asOf).get("items")) {
            assertThat(overdue.get("auditId").asString()).isNotIn(DEMO_AUDITS);
        }
    }

    /** Today the whole 2017-18 programme is closed: every return in, every action closed, nothing overdue. */
    @Test
    void todayOnlyTheCurrentProgrammeHasWorkOutstandingAndOverdue() {
        Map<String, Integer> returns = returns("");
        assertThat(returns.get("expected")).isEqualTo(160);
        assertThat(returns.get("accepted")).isEqualTo(160);
        assertThat(returns.get("outstanding")).isZero();
        assertThat(returns.get("overdue")).isZero();
        assertThat(returns.get("late")).isEqualTo(8);
        for (String auditId : DEMO_AUDITS) {
            JsonNode actions = reporting.getJson("/api/scorecard?auditId=" + auditId).get("figures").get("actions");
            assertThat(actions.get("open").asInt()).as(auditId).isZero();
            assertThat(reporting.getJson("/api/outstanding-returns?auditId=" + auditId).get("total").asInt()).as(auditId).isZero();
        }
        assertThat(reporting.getJson("/api/actions?auditId=rbr-2017-neglect").get("total").asInt()).isEqualTo(4);
        JsonNode current = reporting.getJson("/api/scorecard?programmeId=" + CURRENT).get("figures");
        assertThat(current.get("returns").get("overdue").asInt()).isPositive();
        assertThat(current.get("actions").get("open").asInt()).isPositive();
    }

    /**
     * The schedule reads planned against actual like seed 000: each audit commenced on its day, held
     * its round table in the week the plan gave and reported to the Executive on the day or in the
     * month planned; the Section 11 audit began with the first self-assessment in December 2016 and
     * was presented with its closure at the April 2018 Board, ahead of December 2018.
     */
    @Test
    void theScheduleShowsTheSeedsDatesPlannedAndActual() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (JsonNode row : reporting.getJson("/api/programmes/" + PROGRAMME + "/schedule").get("audits")) {
            if (DEMO_AUDITS.contains(row.get("auditId").asString())) {
                rows.put(row.get("auditId").asString(), actual(row.get("commence")) + " | " + actual(row.get("roundTable"))
                        + " | " + actual(row.get("presented")));
            }
        }
        assertThat(rows).containsExactly(
                Map.entry("rbr-s11-2016-18", "2016-12-09 MET | N/A | 2018-04-17 MET"),
                Map.entry("rbr-2017-neglect", "2017-04-03 MET | 2017-05-24 MET | 2017-09-20 MET"),
                Map.entry("rbr-2017-missing", "2017-07-03 MET | 2017-08-23 MET | 2017-09-20 MET"),
                Map.entry("rbr-2017-esafety", "2017-09-04 MET | 2017-11-01 MET | 2017-12-13 MET"),
                Map.entry("rbr-2017-mental-health", "2017-10-02 MET | 2017-11-29 MET | 2018-03-21 MET"),
                Map.entry("rbr-2018-fgm", "2018-01-08 MET | 2018-03-07 MET | 2018-05-16 MET"));
    }

    /** The demo audits' stages in the schedule's order, as of a date ({@code asOf=...}) or today (""). */
    private static Map<String, String> stages(String asOf) {
        Map<String, String> stages = new LinkedHashMap<>();
        reporting.getJson("/api/programmes/" + PROGRAMME + "/schedule?" + asOf).get("audits").forEach(row -> {
            if (DEMO_AUDITS.contains(row.get("auditId").asString())) {
                stages.put(row.get("auditId").asString(), row.get("stage").asString());
            }
        });
        return stages;
    }

    /** The demo audits' return figures added up, as of a date ({@code asOf=...}) or today (""). */
    private static Map<String, Integer> returns(String asOf) {
        Map<String, Integer> sums = new LinkedHashMap<>();
        for (JsonNode audit : reporting.getJson("/api/scorecard/by-audit?programmeId=" + PROGRAMME + "&" + asOf)) {
            if (DEMO_AUDITS.contains(audit.get("auditId").asString())) {
                audit.get("scorecard").get("figures").get("returns").properties()
                        .forEach(figure -> sums.merge(figure.getKey(), figure.getValue().asInt(), Integer::sum));
            }
        }
        return sums;
    }

    /** The actual date and whether it met its planned window (the day, the week commencing, the month). */
    private static String actual(JsonNode date) {
        return date == null || date.isNull() ? "N/A" : date.get("actual").asString() + " " + date.get("status").asString();
    }
}
