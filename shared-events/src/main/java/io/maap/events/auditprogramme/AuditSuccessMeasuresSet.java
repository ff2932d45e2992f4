package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.util.List;

/**
 * The measures by which an audit's success and impact will be judged have been set, when the
 * audit is planned (seed 000's "How we will measure success and impact") or changed before the
 * first is evaluated. Each is evaluated at closure ({@link AuditSuccessMeasureEvaluated}); the
 * audit cannot close while one is not.
 *
 * @param auditId     the audit
 * @param programmeId the programme that holds it
 * @param measures    the measures, replacing any set before
 * @param setBy       the user who set them
 */
@EventType(name = "maap.audit.success-measures-set", version = 1)
public record AuditSuccessMeasuresSet(
        String auditId,
        String programmeId,
        List<SuccessMeasure> measures,
        String setBy) implements AuditProgrammeEvent {

    public AuditSuccessMeasuresSet {
        measures = List.copyOf(measures);
    }

    /** One measure, e.g. "Learning from audit disseminated across all partners through Multi-Agency Briefings". */
    public record SuccessMeasure(String measureId, String description) {
    }
}
