package io.maap.testsupport.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/audits} (audit-programme-service's commissioning of a themed audit),
 * with one graded question ({@code q1}) and defaults for what a test does not care about: the
 * Redbridge 2017-18 programme's "Children who go missing" audit, its tool sent on 3 July 2017.
 */
public final class Commission {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode body;

    private Commission(ObjectNode body) {
        this.body = body;
    }

    public static Commission audit(String auditId) {
        ObjectNode body = JSON.createObjectNode()
                .put("auditId", auditId)
                .put("programmeId", "redbridge-2017-18")
                .put("title", "Children who go missing")
                .put("theme", "Children who go missing")
                .put("leadOfficer", "Chair of LSCB Learning and Improvement Sub-Group")
                .put("toolSentOn", "2017-07-03");
        body.putArray("questions").addObject().put("questionId", "q1").put("text", "Was the child seen?").put("graded", true);
        body.putArray("cases");
        body.putArray("participatingAgencies");
        return new Commission(body);
    }

    public Commission programme(String programmeId) {
        body.put("programmeId", programmeId);
        return this;
    }

    public Commission titled(String title, String theme) {
        body.put("title", title).put("theme", theme);
        return this;
    }

    public Commission toolSentOn(LocalDate date) {
        body.put("toolSentOn", date.toString());
        return this;
    }

    /**
     * {@code count} sampled child protection cases, without references: the partnership issues them
     * (read them from the answer with {@link #issuedReferences}).
     */
    public Commission cases(int count) {
        return cases("CHILD_PROTECTION", count);
    }

    public Commission cases(String caseType, int count) {
        for (int i = 0; i < count; i++) {
            body.withArray("cases").addObject().put("caseType", caseType);
        }
        return this;
    }

    /** Cases the programme referenced before, audited again under their references. */
    public Commission reaudited(String caseType, List<String> caseReferences) {
        caseReferences.forEach(c -> body.withArray("cases").addObject().put("caseReference", c).put("caseType", caseType));
        return this;
    }

    /** The references the partnership issued, in the order of the sample, from the commissioning's answer. */
    public static List<String> issuedReferences(JsonNode commissioned) {
        return commissioned.get("cases").findValuesAsString("caseReference");
    }

    public Commission agencies(String... agencies) {
        return agencies(List.of(agencies));
    }

    public Commission agencies(List<String> agencies) {
        agencies.forEach(body.withArray("participatingAgencies")::add);
        return this;
    }

    /** A copy of the body, to change further (e.g. to make it invalid). */
    public ObjectNode json() {
        return body.deepCopy();
    }

    /** The body as JSON text. */
    @Override
    public String toString() {
        return body.toString();
    }
}
