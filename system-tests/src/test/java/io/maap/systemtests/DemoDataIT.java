package io.maap.systemtests;

import io.maap.local.Api;
import io.maap.local.BusinessPlanDemoData;
import io.maap.local.DemoData;
import io.maap.local.LocalKafka;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.FreePorts;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import io.maap.testsupport.api.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redbridge 2017-18 demo data goes in through the REST API, twice without harm, and shows the
 * seed's schedule, planned and (once carried through on the seed's dates) actual. audit-programme-service runs alone here, so that no other test's audit joins the programme.
 */
class DemoDataIT {

    @TempDir
    static Path dataDir;
    private static LocalKafka kafka;
    private static ConfigurableApplicationContext app;
    private static String baseUrl;

    /**
     * audit-programme-service alone, on its own database and its own broker: it issues its own case
     * references to the demo's audits, and its events must not reach the other tests' platform,
     * whose case-return-service would take them for a second sample of the same audits.
     */
    @BeforeAll
    static void start() throws Exception {
        kafka = new LocalKafka(dataDir, FreePorts.pair());
        kafka.start();
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_demo_data");
        app = Service.AUDIT_PROGRAMME.run(TestTokens.trusted(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers(),
                "--server.port=0"));
        baseUrl = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theRedbridgeProgrammeShowsItsScheduleAsTheSeedHasIt() {
        Api qa = new Api(TestTokens.qaCoordinator());
        DemoData.load(qa, baseUrl);
        DemoData.carryThrough(qa, baseUrl);
        DemoData.load(qa, baseUrl);
        DemoData.carryThrough(qa, baseUrl);

        JsonNode programme = ApiClient.of(baseUrl, TestTokens.qaCoordinator()).getJson("/api/programmes/redbridge-2017-18");
        assertThat(programme.get("agreedOn").asString()).isEqualTo("2017-03-22");
        assertThat(programme.get("agreedBy").asString()).isEqualTo("LSCB Executive");
        List<String> rows = new ArrayList<>();
        List<String> actuals = new ArrayList<>();
        for (JsonNode row : programme.get("schedule")) {
            rows.add(row.get("auditId").asString() + " | " + text(row.get("commence")) + " | " + text(row.get("roundTable"))
                    + " | " + text(row.get("presentedToExecutive")));
            actuals.add(row.get("auditId").asString() + " | " + actual(row.get("commence")) + " | " + actual(row.get("roundTable"))
                    + " | " + actual(row.get("presentedToExecutive")));
        }
        assertThat(rows).containsExactly(
                "rbr-s11-2016-18 | December 2016 | N/A | December 2018",
                "rbr-2017-neglect | 3 April 2017 | W/C 22 May 2017 | 20 September 2017",
                "rbr-2017-missing | 3 July 2017 | W/C 21 August 2017 | 20 September 2017",
                "rbr-2017-esafety | 4 September 2017 | W/C 30 October 2017 | 13 December 2017",
                "rbr-2017-mental-health | 2 October 2017 | W/C 27 November 2017 | March 2018",
                "rbr-2018-fgm | 8 January 2018 | W/C 5 March 2018 | May 2018");
        // Carried through as seed 000 dates it: the tool sent on the day planned, the round table in its week,
        // the report to the Executive on its day or in its month; the Section 11 audit presented at its closure.
        assertThat(actuals).containsExactly(
                "rbr-s11-2016-18 | 2016-12-09 | N/A | 2018-04-17",
                "rbr-2017-neglect | 2017-04-03 | 2017-05-24 | 2017-09-20",
                "rbr-2017-missing | 2017-07-03 | 2017-08-23 | 2017-09-20",
                "rbr-2017-esafety | 2017-09-04 | 2017-11-01 | 2017-12-13",
                "rbr-2017-mental-health | 2017-10-02 | 2017-11-29 | 2018-03-21",
                "rbr-2018-fgm | 2018-01-08 | 2018-03-07 | 2018-05-16");
        assertThat(programme.get("audits").findValuesAsString("status")).containsOnly("CLOSED").hasSize(6);
        JsonNode neglect = ApiClient.of(baseUrl, TestTokens.qaCoordinator()).getJson("/api/audits/rbr-2017-neglect");
        // The last neglect returns came on 16 May 2017, two working days after the 12 May deadline.
        assertThat(neglect.get("returnsClosed").get("on").asString()).isEqualTo("2017-05-16");
        assertThat(neglect.get("challengeDay").get("agendaSentOn").asString()).isEqualTo("2017-05-22");
        assertThat(neglect.get("signedOff").get("by").asString()).isEqualTo("LSCB Executive Board");
        assertThat(neglect.get("successMeasures").valueStream().map(m -> m.get("measureId").asString()).toList())
                .as("seed 000's \"How we will measure success and impact\", each judged before the audit closed")
                .containsExactly("follow-up", "briefings", "newsletter", "summary-report", "website");
    }

    @Test
    void redbridgesBusinessPlan2014To15IsEnteredAsItStandsAndEnteringItAgainChangesNothing() {
        Api qa = new Api(TestTokens.qaCoordinator());
        BusinessPlanDemoData.load(qa, baseUrl);
        BusinessPlanDemoData.load(qa, baseUrl);
    }

    private static String actual(JsonNode date) {
        return date == null || date.isNull() ? "N/A" : date.get("actual").asString();
    }

    private static String text(JsonNode date) {
        return date == null || date.isNull() ? "N/A" : date.get("plannedText").asString();
    }
}
