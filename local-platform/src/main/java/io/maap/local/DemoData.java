package io.maap.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Enters the Redbridge 2017-18 programme (seed 000) through the same REST commands a QA
 * coordinator would use. Every command carries its own id, so loading twice changes nothing.
 */
final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String RESOURCE = "demo/redbridge-2017-18.json";

    private DemoData() {
    }

    /** The programme, then the findings and action plans of its past audits once action-plan-service knows them. */
    static int load(String auditProgrammeBaseUrl, String actionPlanBaseUrl) {
        int audits = load(auditProgrammeBaseUrl);
        LearningDemoData.load(actionPlanBaseUrl);
        return audits;
    }

    static int load(String auditProgrammeBaseUrl) {
        JsonNode demo = read();
        RestClient client = RestClient.builder().baseUrl(auditProgrammeBaseUrl).build();
        int audits = 0;
        for (JsonNode audit : demo.get("audits")) {
            client.post().uri("/api/audits").contentType(MediaType.APPLICATION_JSON).body(audit.toString())
                    .retrieve().toBodilessEntity();
            audits++;
        }
        log.info("Demo data: {} audits of '{}' commissioned", audits, demo.get("programme").asString());
        return audits;
    }

    private static JsonNode read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
