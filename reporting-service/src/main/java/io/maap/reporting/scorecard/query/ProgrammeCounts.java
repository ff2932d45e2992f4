package io.maap.reporting.scorecard.query;

import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.ProjectionStore;
import org.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A programme's figures as its {@link ProgrammeFigures} document holds them, read once by
 * {@code _id}, counted in Java by the same conditions MongoDB counts the projections' own
 * documents by ({@link Counting}): the scorecard of the programme, of an audit or an agency in it,
 * and the board feed of all of them, without reading the whole collections.
 */
final class ProgrammeCounts {

    private final List<Document> returns;
    private final List<Document> findings;
    private final List<Document> actions;
    private final List<Document> audits;

    private ProgrammeCounts(Document programme, List<Document> audits) {
        this.returns = ProgrammeFigures.entries(programme, ProgrammeFigures.RETURNS);
        this.findings = ProgrammeFigures.entries(programme, ProgrammeFigures.FINDINGS);
        this.actions = ProgrammeFigures.entries(programme, ProgrammeFigures.ACTIONS);
        this.audits = audits;
    }

    /** Whether the store keeps programme figures (a generation filled before them does not). */
    static boolean available(ProjectionStore store, String programmeId) {
        return programmeId != null && ProgrammeFigures.kept(store);
    }

    /** The programme's figures and its audits' documents (read by {@code _id}). */
    static ProgrammeCounts read(ProjectionStore store, String programmeId) {
        Document programme = ProgrammeFigures.of(store, programmeId);
        List<Document> audits = ProgrammeFigures.audits(store, programme).stream()
                .filter(audit -> programmeId.equals(audit.getString("programmeId")))
                .toList();
        return new ProgrammeCounts(programme, audits);
    }

    Document returns(String auditId, String agency, Counting.Conditions conditions) {
        return Counting.countAll(in(returns, auditId, "agency", agency), conditions);
    }

    Map<String, Document> findings(String auditId, String agency, Counting.Conditions conditions) {
        return Counting.countBy(in(findings, auditId, "agencies", agency), "aspect", conditions);
    }

    Document actions(String auditId, String agency, Counting.Conditions conditions) {
        return Counting.countAll(in(actions, auditId, "owningAgency", agency), conditions);
    }

    /** The programme's audits, or the one asked for. */
    List<Document> audits(String auditId) {
        return audits.stream().filter(audit -> auditId == null || auditId.equals(audit.getString("_id"))).toList();
    }

    /** The agencies asked for returns in the programme, sorted. */
    List<String> agencies() {
        TreeSet<String> agencies = new TreeSet<>();
        returns.forEach(entry -> {
            if (entry.get("agency") instanceof String agency) {
                agencies.add(agency);
            }
        });
        return List.copyOf(agencies);
    }

    /** The entries of the audit and agency (each when given), the agency matched as MongoDB matches a field or an array. */
    private static List<Document> in(List<Document> entries, String auditId, String agencyField, String agency) {
        return entries.stream()
                .filter(entry -> auditId == null || auditId.equals(entry.get("auditId")))
                .filter(entry -> agency == null || matches(entry.get(agencyField), agency))
                .toList();
    }

    private static boolean matches(Object value, String agency) {
        return value instanceof Collection<?> values ? values.contains(agency) : agency.equals(value);
    }
}
