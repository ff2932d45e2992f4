package io.maap.casereturn.request.command;

import io.maap.casereturn.request.event.Answer;
import io.maap.casereturn.request.event.ReturnVersionRecorded;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.support.domain.RuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a submission needs: the request waiting for the agency, an independent auditor named, and
 * (for a return) a complete answer to the tool ({@link AnswerRules}). The version on record,
 * submitted again while it awaits QA, is a retry and records nothing.
 */
final class SubmissionRules {

    private SubmissionRules() {
    }

    /** The published fact (no answers) and the private record of the answers, as one version. */
    static List<Object> submit(ReturnRequested request, List<AuditQuestion> questions, Grades grades, Versions versions,
                               LocalDate dueDate, String auditor, SubmitReturn command, ReturnDeadlines deadlines) {
        List<Answer> answers = grades.asOnTheScale(command.answers());
        if (versions.stage() == Versions.Stage.AWAITING_QA && !versions.latestNil()
                && versions.latestAnswers().equals(answers)) {
            return List.of();
        }
        versions.requireOutstanding();
        if (auditor == null) {
            throw new RuleViolation("auditor-not-nominated", "Name an independent auditor before submitting the return.");
        }
        LocalDate submittedOn = ReceivedOn.day(request, command.receivedOn(), command.submittedAt(), command.actor(), deadlines);
        AnswerRules.check(questions, grades, answers, submittedOn);
        int version = versions.latest() + 1;
        return List.of(new ReturnSubmitted(request.returnRequestId(), request.auditId(), request.programmeId(),
                        request.caseReference(), request.agency(), version, command.submittedBy(), auditor,
                        command.submittedAt(), submittedOn, dueDate, deadlines.workingDaysLate(dueDate, submittedOn),
                        command.channel(), answers.stream().filter(a -> a.grade() != null)
                        .map(a -> new ReturnSubmitted.Grade(a.questionId(), a.grade())).toList()),
                new ReturnVersionRecorded(request.returnRequestId(), version, command.submittedBy(), auditor,
                        command.submittedAt(), answers, request.auditId()));
    }

    /**
     * No involvement in the period the audit's policy gives a nil return (the twelve months before the
     * request without one; any time when the policy sets no look-back, as North East Lincolnshire's
     * "historically, previously or currently"), declared in the policy's words: needs no auditor, as
     * there is nothing to audit.
     */
    static Optional<NilReturnSubmitted> submitNil(ReturnRequested request, AuditCommissioned.Policy policy,
                                                  Versions versions, LocalDate dueDate, SubmitNilReturn command,
                                                  ReturnDeadlines deadlines) {
        if (versions.stage() == Versions.Stage.AWAITING_QA && versions.latestNil()) {
            return Optional.empty();
        }
        versions.requireOutstanding();
        LocalDate submittedOn = ReceivedOn.day(request, command.receivedOn(), command.submittedAt(), command.actor(), deadlines);
        return Optional.of(new NilReturnSubmitted(request.returnRequestId(), request.auditId(), request.programmeId(),
                request.caseReference(), request.agency(), versions.latest() + 1, command.submittedBy(),
                command.submittedAt(), submittedOn, dueDate, deadlines.workingDaysLate(dueDate, submittedOn),
                command.channel(), noInvolvementFrom(request.requestedOn(), policy), request.requestedOn(),
                policy == null ? DEFAULT_NIL_RETURN_MEANING : policy.nilReturnMeaning()));
    }

    /** What a nil return declares when the audit carries no policy (Hackney's, seed 004). */
    static final String DEFAULT_NIL_RETURN_MEANING = "No involvement with the child or family in the 12 months before the audit";

    private static LocalDate noInvolvementFrom(LocalDate requestedOn, AuditCommissioned.Policy policy) {
        if (policy == null) {
            return requestedOn.minusMonths(12);
        }
        return policy.nilReturnLookbackMonths() == null ? null // any time: no first day
                : requestedOn.minusMonths(policy.nilReturnLookbackMonths());
    }
}
