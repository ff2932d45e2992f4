package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditAnalysed;
import io.maap.events.auditprogramme.AuditClosed;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditMonitoringStarted;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditProgrammeEvent;
import io.maap.events.auditprogramme.AuditReportDrafted;
import io.maap.events.auditprogramme.AuditReturnsClosed;
import io.maap.events.auditprogramme.AuditSignedOff;
import io.maap.events.auditprogramme.ChallengeDayHeld;
import io.maap.events.auditprogramme.Milestone;
import io.maap.support.domain.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a themed audit stands, and the one rule every step after commissioning follows. A retry
 * that would record the very same event is accepted silently, so clients can retry safely.
 * Otherwise the audit must be at the step before, and the step's day may be neither after the
 * day it is recorded ({@code today}, from the command: the aggregate reads no clock) nor before
 * the previous step's day.
 */
final class Lifecycle {

    private AuditStatus status;
    private LocalDate lastReachedOn;
    /** The event each step recorded, to recognise a retry of the same command. */
    private final Map<AuditStatus, AuditProgrammeEvent> recorded = new HashMap<>();

    /**
     * Whether {@code event}, taking the audit to {@code step} on {@code on}, is to be applied:
     * false for a retry of the step already taken; a step out of order or on a day that cannot
     * be is refused.
     */
    boolean admits(AuditStatus step, AuditProgrammeEvent event, LocalDate on, LocalDate today) {
        requireThemedAudit(event.auditId());
        if (event.equals(recorded.get(step))) {
            return false;
        }
        requireAt(step.before(), step, event.auditId());
        if (on.isAfter(today)) {
            throw new RuleViolation("date-in-future", "The " + step.dateName() + " " + on
                    + " is in the future; record a step once it happened.");
        }
        if (lastReachedOn != null && on.isBefore(lastReachedOn)) {
            throw new RuleViolation("date-before-previous-step", "The " + step.dateName() + " " + on
                    + " is before the previous step of audit " + event.auditId() + " (" + lastReachedOn + ").");
        }
        return true;
    }

    /** The stream may belong to a Section 11 audit, whose events the themed audit does not read. */
    void requireThemedAudit(String auditId) {
        if (status == null) {
            throw new RuleViolation("not-a-themed-audit", "Audit " + auditId + " is not a themed audit.");
        }
    }

    void requireUnplanned(String auditId) {
        if (status != null) {
            throw new RuleViolation("audit-already-exists", "Audit " + auditId + " is already " + status.label()
                    + (recorded.containsKey(AuditStatus.PLANNED) ? " with other details." : "; it cannot be planned now."));
        }
    }

    void requireChallengeDayAhead(String auditId) {
        requireChallengeDayAhead(auditId, "schedule");
    }

    /** {@code action} (e.g. "schedule") is what cannot be done to the challenge day, for the refusal. */
    void requireChallengeDayAhead(String auditId, String action) {
        requireThemedAudit(auditId);
        if (status.compareTo(AuditStatus.COMMISSIONED) < 0 || status.compareTo(AuditStatus.ANALYSED) > 0) {
            throw new RuleViolation("illegal-transition", "Cannot " + action + " the challenge day of audit " + auditId
                    + ": it is " + status.label() + "; a challenge day is scheduled between commissioning and holding it.");
        }
    }

    /** A planned date may move only while the audit is open and its milestone still ahead. */
    void requireAhead(Milestone milestone, String auditId) {
        requireThemedAudit(auditId);
        if (status == AuditStatus.CLOSED) {
            throw new RuleViolation("audit-closed", "Audit " + auditId + " is closed; its plan can no longer change.");
        }
        if (status.compareTo(AuditStatus.reaching(milestone)) >= 0) {
            throw new RuleViolation("milestone-already-reached",
                    "The milestone " + milestone + " of audit " + auditId + " has already been reached.");
        }
    }

    /**
     * Success measures are evaluated and learning is disseminated once the Board signed the report
     * off, and before the audit closes; {@code what} says what was refused, e.g. "record the dissemination of".
     */
    void requireSignedOffAndOpen(String what, String auditId) {
        requireThemedAudit(auditId);
        requireOpen(what, auditId);
        if (status.compareTo(AuditStatus.SIGNED_OFF) < 0) {
            throw new RuleViolation("illegal-transition", "Cannot " + what + " audit " + auditId + ": it is "
                    + status.label() + ", and its report must be signed off first.");
        }
    }

    /** Nothing changes on a closed audit. */
    void requireOpen(String what, String auditId) {
        requireThemedAudit(auditId);
        if (status == AuditStatus.CLOSED) {
            throw new RuleViolation("audit-closed", "Cannot " + what + " audit " + auditId + ": it is closed.");
        }
    }

    private void requireAt(AuditStatus before, AuditStatus step, String auditId) {
        if (status == before) {
            return;
        }
        if (status.compareTo(before) > 0) {
            throw new RuleViolation("illegal-transition", "Cannot " + step.action() + " audit " + auditId
                    + ": it is already " + status.label() + (status == step ? ", with other details." : "."));
        }
        throw new RuleViolation("illegal-transition", "Cannot " + step.action() + " audit " + auditId + ": it is "
                + status.label() + ", and must be " + before.label() + " first.");
    }

    @EventSourcingHandler
    void on(AuditPlanned event) {
        reached(AuditStatus.PLANNED, event, null);
    }

    @EventSourcingHandler
    void on(AuditCommissioned event) {
        reached(AuditStatus.COMMISSIONED, event, event.toolSentOn());
    }

    @EventSourcingHandler
    void on(AuditReturnsClosed event) {
        reached(AuditStatus.RETURNS_CLOSED, event, event.finalSubmissionOn());
    }

    @EventSourcingHandler
    void on(AuditAnalysed event) {
        reached(AuditStatus.ANALYSED, event, event.analysedOn());
    }

    @EventSourcingHandler
    void on(ChallengeDayHeld event) {
        reached(AuditStatus.CHALLENGE_DAY_HELD, event, event.heldOn());
    }

    @EventSourcingHandler
    void on(AuditReportDrafted event) {
        reached(AuditStatus.REPORT_DRAFTED, event, event.draftedOn());
    }

    @EventSourcingHandler
    void on(AuditSignedOff event) {
        reached(AuditStatus.SIGNED_OFF, event, event.signedOffOn());
    }

    @EventSourcingHandler
    void on(AuditMonitoringStarted event) {
        reached(AuditStatus.MONITORING, event, event.startedOn());
    }

    @EventSourcingHandler
    void on(AuditClosed event) {
        reached(AuditStatus.CLOSED, event, event.closedOn());
    }

    private void reached(AuditStatus step, AuditProgrammeEvent event, LocalDate on) {
        status = step;
        lastReachedOn = on;
        recorded.put(step, event);
    }
}
