package io.maap.casereturn.request.command;

import io.maap.casereturn.request.command.ReturnDeadlines.OverdueCheck;
import io.maap.casereturn.request.command.ReturnDeadlines.ReminderDue;
import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnReminderSent;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.support.domain.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The date the return is due by, what may move it (an exceptional extension, a send-back) and
 * what marks it: one reminder, and one overdue mark per due date. Deadlines are never cancelled,
 * so a firing one checks here whether it still applies; that also makes a repeated delivery harmless.
 */
class DueDate {

    private LocalDate date;
    private LocalDate given;
    private boolean resubmission;
    private boolean reminded;
    private LocalDate overdueMarkedFor;

    LocalDate date() {
        return date;
    }

    /** The deadline the agency was given: the requested due date or its extension, never moved by a send-back. */
    LocalDate given() {
        return given;
    }

    Optional<ReturnDeadlineExtended> extend(ReturnRequested request, Versions versions, ExtendReturnDeadline command,
                                            ReturnDeadlines deadlines) {
        if (command.newDueDate() != null && command.newDueDate().equals(date)) {
            return Optional.empty();
        }
        versions.requireOutstanding();
        String reason = Required.text(command.reason(), "the exceptional reason for the extension");
        String approvedBy = Required.text(command.approvedBy(), "who approved the extension");
        if (command.newDueDate() == null || !command.newDueDate().isAfter(date) || !deadlines.isWorkingDay(command.newDueDate())) {
            throw new RuleViolation("extension-invalid", "An extension must move the due date (" + date
                    + ") to a later working day.");
        }
        return Optional.of(new ReturnDeadlineExtended(request.returnRequestId(), request.auditId(), request.programmeId(),
                request.caseReference(), request.agency(), date, command.newDueDate(), reason, approvedBy,
                command.extendedAt()));
    }

    /** A reminder only if nothing has arrived and none was sent. */
    Optional<ReturnReminderSent> remind(ReturnRequested request, Versions versions, ReminderDue due) {
        if (versions.stage() != Versions.Stage.REQUESTED || reminded) {
            return Optional.empty();
        }
        return Optional.of(new ReturnReminderSent(request.returnRequestId(), request.auditId(), request.programmeId(),
                request.caseReference(), request.agency(), due.reminderDate(), date));
    }

    /** Overdue only if still waiting for the agency, the checked date is still the one in force, and not yet marked. */
    Optional<ReturnOverdue> overdue(ReturnRequested request, Versions versions, OverdueCheck check, ReturnDeadlines deadlines) {
        if (!versions.outstanding() || !check.dueDate().equals(date) || date.equals(overdueMarkedFor)) {
            return Optional.empty();
        }
        return Optional.of(new ReturnOverdue(request.returnRequestId(), request.auditId(), request.programmeId(),
                request.caseReference(), request.agency(), date, deadlines.overdueFrom(date), resubmission, reminded));
    }

    @EventSourcingHandler
    void on(ReturnRequested event) {
        date = event.dueDate();
        given = event.dueDate();
    }

    @EventSourcingHandler
    void on(ReturnSentBack event) {
        date = event.resubmissionDue();
        resubmission = true;
    }

    @EventSourcingHandler
    void on(ReturnDeadlineExtended event) {
        date = event.newDueDate();
        given = event.newDueDate();
    }

    @EventSourcingHandler
    void on(ReturnReminderSent event) {
        reminded = true;
    }

    @EventSourcingHandler
    void on(ReturnOverdue event) {
        overdueMarkedFor = event.dueDate();
    }
}
