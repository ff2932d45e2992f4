package io.maap.casereturn.request.command;

import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Ask one agency for its return on one case of a commissioned audit, with the audit tool it must
 * answer, its grading scale and the partnership policy the audit was commissioned under (null when
 * it carries none: the service's defaults then apply).
 */
public record RequestReturn(
        @TargetAggregateIdentifier String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        CaseType caseType,
        String agency,
        LocalDate requestedOn,
        LocalDate dueDate,
        LocalDate reminderDate,
        List<AuditQuestion> questions,
        List<String> gradingScale,
        AuditCommissioned.Policy policy) {

    public RequestReturn {
        questions = List.copyOf(questions);
        gradingScale = gradingScale == null ? null : List.copyOf(gradingScale);
    }

    /** A request under no recorded policy. */
    public RequestReturn(String returnRequestId, String auditId, String programmeId, String caseReference,
                         CaseType caseType, String agency, LocalDate requestedOn, LocalDate dueDate,
                         LocalDate reminderDate, List<AuditQuestion> questions, List<String> gradingScale) {
        this(returnRequestId, auditId, programmeId, caseReference, caseType, agency, requestedOn, dueDate, reminderDate,
                questions, gradingScale, null);
    }

    /** A request whose audit names no grading scale: any grade is taken on a graded question. */
    public RequestReturn(String returnRequestId, String auditId, String programmeId, String caseReference,
                         CaseType caseType, String agency, LocalDate requestedOn, LocalDate dueDate,
                         LocalDate reminderDate, List<AuditQuestion> questions) {
        this(returnRequestId, auditId, programmeId, caseReference, caseType, agency, requestedOn, dueDate, reminderDate,
                questions, null, null);
    }

    /**
     * The request's id, derived from audit, case and agency so that however often the audit's
     * commissioning arrives, each request is created once.
     */
    public static String idFor(String auditId, String caseReference, String agency) {
        String name = auditId + '\u001f' + caseReference + '\u001f' + agency;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
