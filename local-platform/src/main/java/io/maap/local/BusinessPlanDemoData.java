package io.maap.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Redbridge LSCB's business plan 2014-15 (seed 002) as it stands: its three strategic themes,
 * twelve priorities and their actions with lead, how each will be achieved, measure and by when,
 * as the plan's text gives them. The plan carries no RAG ratings and names no audits, so none are
 * entered. Entering it again changes nothing.
 */
public final class BusinessPlanDemoData {

    private static final Logger log = LoggerFactory.getLogger(BusinessPlanDemoData.class);
    static final String RESOURCE = "demo/redbridge-business-plan-2014-15.json";

    private BusinessPlanDemoData() {
    }

    public static void load(Api api, String auditProgrammeBaseUrl) {
        JsonNode plan = read();
        api.client(auditProgrammeBaseUrl).post().uri("/api/business-plans").contentType(MediaType.APPLICATION_JSON)
                .body(plan.toString()).retrieve().toBodilessEntity();
        log.info("Demo data: business plan '{}' with {} priorities", plan.get("title").asString(), plan.get("priorities").size());
    }

    private static JsonNode read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
