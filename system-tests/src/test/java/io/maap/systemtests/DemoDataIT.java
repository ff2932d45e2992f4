package io.maap.systemtests;

import io.maap.local.Api;
import io.maap.local.BusinessPlanDemoData;
import io.maap.local.DemoData;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import io.maap.testsupport.api.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redbridge 2017-18 demo data goes in through the REST API, twice without harm, and shows the
 * seed's schedule. audit-programme-service runs alone here, so that no other test's audit joins the programme.
 */
class DemoDataIT {

    private static ConfigurableApplicationContext app;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_demo_data");
        app = Service.AUDIT_PROGRAMME.run(TestTokens.trusted(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--server.port=0"));
        baseUrl = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theRedbridgeProgrammeShowsItsScheduleAsTheSeedHasIt() {
        Api qa = new Api(TestTokens.qaCoordinator());
        DemoData.load(qa, baseUrl);
        DemoData.load(qa, baseUrl);

        JsonNode programme = ApiClient.of(baseUrl, TestTokens.qaCoordinator()).getJson("/api/programmes/redbridge-2017-18");
        assertThat(programme.get("agreedOn").asString()).isEqualTo("2017-03-22");
        assertThat(programme.get("agreedBy").asString()).isEqualTo("LSCB Executive");
        List<String> rows = new ArrayList<>();
        for (JsonNode row : programme.get("schedule")) {
            rows.add(row.get("auditId").asString() + " | " + text(row.get("commence")) + " | " + text(row.get("roundTable"))
                    + " | " + text(row.get("presentedToExecutive")));
        }
        assertThat(rows).containsExactly(
                "rbr-s11-2016-18 | December 2016 | N/A | December 2018",
                "rbr-2017-neglect | 3 April 2017 | W/C 22 May 2017 | 20 September 2017",
                "rbr-2017-missing | 3 July 2017 | W/C 21 August 2017 | 20 September 2017",
                "rbr-2017-esafety | 4 September 2017 | W/C 30 October 2017 | 13 December 2017",
                "rbr-2017-mental-health | 2 October 2017 | W/C 27 November 2017 | March 2018",
                "rbr-2018-fgm | 8 January 2018 | W/C 5 March 2018 | May 2018");
        assertThat(programme.get("audits").findValuesAsString("status"))
                .containsExactly("PLANNED", "COMMISSIONED", "COMMISSIONED", "PLANNED", "PLANNED", "PLANNED");

        JsonNode neglect = ApiClient.of(baseUrl, TestTokens.qaCoordinator()).getJson("/api/audits/rbr-2017-neglect");
        assertThat(neglect.get("successMeasures").findValuesAsString("measureId"))
                .as("seed 000's \"How we will measure success and impact\"")
                .containsExactly("follow-up", "briefings", "newsletter", "summary-report", "website");
    }

    @Test
    void redbridgesBusinessPlan2014To15IsEnteredAsItStandsAndEnteringItAgainChangesNothing() {
        Api qa = new Api(TestTokens.qaCoordinator());
        BusinessPlanDemoData.load(qa, baseUrl);
        BusinessPlanDemoData.load(qa, baseUrl);
    }

    private static String text(JsonNode date) {
        return date == null || date.isNull() ? "N/A" : date.get("plannedText").asString();
    }
}
