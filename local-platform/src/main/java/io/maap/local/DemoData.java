package io.maap.local;

import io.maap.local.MaapServices.Service;
import io.maap.support.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enters the Redbridge 2017-18 programme (seed 000) through the same REST commands a QA
 * coordinator would use: the programme as agreed, its five themed audits and the Section 11
 * audit as planned, and the five commissioned on the seed's days ({@link HistoricYearDemoData}
 * carries them through). Every command carries its own id, so loading twice changes nothing.
 */
public final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String RESOURCE = "demo/redbridge-2017-18.json";

    private DemoData() {
    }

    /**
     * All the local run's demo data: the partnership's contacts directory, the Redbridge 2017-18 programme carried
     * through as seed 000 dates it (returns, challenge days, reports, findings, action plans monitored and closed),
     * Redbridge's business plan 2014-15, and the current programme's audits with returns in every state.
     */
    public static void loadAll(Api api, MaapServices services) {
        ContactsDemoData.load(api, services.baseUrl(Service.NOTIFICATION));
        load(api, services.baseUrl(Service.AUDIT_PROGRAMME), services.baseUrl(Service.ACTION_PLAN));
        BusinessPlanDemoData.load(api, services.baseUrl(Service.AUDIT_PROGRAMME));
        // The returns go in before the audits close: a closed audit's text falls under the retention policy.
        HistoricYearDemoData.loadReturns(api, services.baseUrl(Service.CASE_RETURN));
        HistoricYearDemoData.loadSteps(api, services.baseUrl(Service.AUDIT_PROGRAMME));
        CurrentYearDemoData.load(api, services.baseUrl(Service.AUDIT_PROGRAMME), services.baseUrl(Service.CASE_RETURN),
                services.baseUrl(Service.ACTION_PLAN), WorkingDayCalendar.englandAndWales(), LocalDate.now(ZoneId.of("Europe/London")));
    }

    /** The programme, then the findings and action plans of its past audits once action-plan-service knows them. */
    public static int load(Api api, String auditProgrammeBaseUrl, String actionPlanBaseUrl) {
        Map<String, String> references = new HashMap<>();
        int audits = load(api, auditProgrammeBaseUrl, references);
        LearningDemoData.load(api, actionPlanBaseUrl, references);
        return audits;
    }

    /** The programme alone, with its audits planned and commissioned on the seed's days. */
    public static int load(Api api, String auditProgrammeBaseUrl) {
        return load(api, auditProgrammeBaseUrl, new HashMap<>());
    }

    /**
     * The programme; {@code references} gets, for each case reference the demo file uses as the case's
     * label, the reference the partnership issued to it at commissioning (the demo's findings name
     * their cases by those labels).
     */
    private static int load(Api api, String auditProgrammeBaseUrl, Map<String, String> references) {
        JsonNode demo = read();
        RestClient client = api.client(auditProgrammeBaseUrl);
        JsonNode programme = demo.get("programme");
        String programmeId = programme.get("programmeId").asString();
        post(client, "/api/programmes", programme);
        for (JsonNode audit : demo.get("audits")) {
            post(client, "/api/programmes/" + programmeId + "/audits", audit);
        }
        for (JsonNode audit : demo.get("section11Audits")) {
            post(client, "/api/programmes/" + programmeId + "/section-11-audits", audit);
        }
        int commissioned = 0;
        for (JsonNode audit : demo.get("commissions")) {
            references.putAll(commission(client, audit));
            commissioned++;
        }
        log.info("Demo data: '{}' with {} themed audits and {} Section 11 audit planned, {} commissioned",
                programme.get("title").asString(), demo.get("audits").size(), demo.get("section11Audits").size(), commissioned);
        return commissioned;
    }

    /**
     * The programme's audits carried through on the seed's dates in audit-programme-service alone (no
     * returns): what {@link #loadAll} does once the returns are in.
     */
    public static int carryThrough(Api api, String auditProgrammeBaseUrl) {
        return HistoricYearDemoData.loadSteps(api, auditProgrammeBaseUrl);
    }

    /**
     * Commissions an audit of the demo file without its cases' references, which the partnership
     * issues; answers the issued reference for each of the file's labels, in the sample's order.
     */
    private static Map<String, String> commission(RestClient client, JsonNode audit) {
        ObjectNode body = (ObjectNode) audit.deepCopy();
        List<String> labels = new ArrayList<>();
        for (JsonNode sampled : body.get("cases")) { // a case without a label is only issued its reference
            labels.add(sampled.has("caseReference") ? sampled.get("caseReference").asString() : null);
            ((ObjectNode) sampled).remove("caseReference");
        }
        JsonNode answer = client.post().uri("/api/audits").contentType(MediaType.APPLICATION_JSON).body(body.toString())
                .retrieve().body(JsonNode.class);
        List<String> issued = answer.get("cases").findValuesAsString("caseReference");
        Map<String, String> references = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) != null) {
                references.put(labels.get(i), issued.get(i));
            }
        }
        return references;
    }

    private static void post(RestClient client, String path, JsonNode body) {
        client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body.toString()).retrieve().toBodilessEntity();
    }

    private static JsonNode read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
