package io.maap.reporting.scorecard.query;

import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.ProjectionStore;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
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

    private final Section returns;
    private final Section findings;
    private final Section actions;
    private final List<Document> audits;

    private ProgrammeCounts(ProgrammeFigures.Read programme, List<Document> audits) {
        this.returns = new Section(programme.entries(ProgrammeFigures.RETURNS), "agency");
        this.findings = new Section(programme.entries(ProgrammeFigures.FINDINGS), "agencies");
        this.actions = new Section(programme.entries(ProgrammeFigures.ACTIONS), "owningAgency");
        this.audits = audits;
    }

    /** Whether the store keeps programme figures (a generation filled before them does not). */
    static boolean available(ProjectionStore store, String programmeId) {
        return programmeId != null && ProgrammeFigures.kept(store);
    }

    /** The programme's figures as read, without its audits (a caller that reads them all at once). */
    static ProgrammeCounts withoutAudits(ProgrammeFigures.Read programme) {
        return new ProgrammeCounts(programme, List.of());
    }

    /** The programme's figures and its audits' documents (read by {@code _id}). */
    static ProgrammeCounts read(ProjectionStore store, String programmeId) {
        return of(store, programmeId, ProgrammeFigures.read(store, programmeId));
    }

    /** The programme's figures as read, and its audits' documents (read by {@code _id}). */
    static ProgrammeCounts of(ProjectionStore store, String programmeId, ProgrammeFigures.Read programme) {
        List<Document> audits = ProgrammeFigures.audits(store, programme.ids(ProgrammeFigures.AUDITS)).stream()
                .filter(audit -> programmeId.equals(audit.getString("programmeId")))
                .toList();
        return new ProgrammeCounts(programme, audits);
    }

    Document returns(String auditId, String agency, Counting.Conditions conditions) {
        return Counting.countAll(returns.in(auditId, agency), conditions);
    }

    Map<String, Document> findings(String auditId, String agency, Counting.Conditions conditions) {
        return Counting.countBy(findings.in(auditId, agency), "aspect", conditions);
    }

    Document actions(String auditId, String agency, Counting.Conditions conditions) {
        return Counting.countAll(actions.in(auditId, agency), conditions);
    }

    /** The programme's audits, or the one asked for. */
    List<Document> audits(String auditId) {
        return audits.stream().filter(audit -> auditId == null || auditId.equals(audit.getString("_id"))).toList();
    }

    /** The agencies asked for returns in the programme, sorted. */
    List<String> agencies() {
        TreeSet<String> agencies = new TreeSet<>();
        returns.entries.forEach(entry -> {
            if (entry.get("agency") instanceof String agency) {
                agencies.add(agency);
            }
        });
        return List.copyOf(agencies);
    }

    /**
     * A section's entries, and on first need the same by audit and by agency: a board feed counts
     * some 20 scopes of one programme (each audit, each agency), which filtering all the entries
     * for each scope made cost as much as the counting itself.
     */
    private static final class Section {

        private final List<Document> entries;
        private final String agencyField;
        private Map<Object, List<Document>> byAudit;
        private Map<String, List<Document>> byAgency;

        Section(List<Document> entries, String agencyField) {
            this.entries = entries;
            this.agencyField = agencyField;
        }

        /** The entries of the audit and agency (each when given), the agency matched as MongoDB matches a field or an array. */
        List<Document> in(String auditId, String agency) {
            if (auditId == null && agency == null) {
                return entries;
            }
            if (agency == null) {
                return byAudit().getOrDefault(auditId, List.of());
            }
            List<Document> ofAgency = byAgency().getOrDefault(agency, List.of());
            return auditId == null ? ofAgency
                    : ofAgency.stream().filter(entry -> auditId.equals(entry.get("auditId"))).toList();
        }

        private Map<Object, List<Document>> byAudit() {
            if (byAudit == null) {
                byAudit = new HashMap<>();
                entries.forEach(entry -> byAudit.computeIfAbsent(entry.get("auditId"), id -> new ArrayList<>()).add(entry));
            }
            return byAudit;
        }

        /** Each entry under every agency it matches: the field's value, or each string in it when it is an array. */
        private Map<String, List<Document>> byAgency() {
            if (byAgency == null) {
                byAgency = new HashMap<>();
                for (Document entry : entries) {
                    Object value = entry.get(agencyField);
                    Collection<?> agencies = value instanceof Collection<?> values ? new LinkedHashSet<>(values)
                            : Collections.singleton(value);
                    for (Object agency : agencies) {
                        if (agency instanceof String name) {
                            byAgency.computeIfAbsent(name, a -> new ArrayList<>()).add(entry);
                        }
                    }
                }
            }
            return byAgency;
        }
    }
}
