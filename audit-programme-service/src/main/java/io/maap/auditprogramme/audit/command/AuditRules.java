package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.RuleViolation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a plan and a commissioning must hold, and the return deadline and reminder a commissioning sets under its policy. */
final class AuditRules {

    private AuditRules() {
    }

    static void requireValidPlan(PlanAudit command) {
        requireUnique(command.milestones().stream().map(m -> m.milestone().name()).toList(), "milestone");
        requireUnique(command.activities().stream().map(AuditPlanned.Activity::activityId).toList(), "activity id");
        requireUnique(command.gradingScale(), "grade");
        for (AuditPlanned.Activity activity : command.activities()) {
            if (activity.endsOn() != null && activity.endsOn().date().isBefore(activity.startsOn().date())) {
                throw new RuleViolation("activity-ends-before-it-starts",
                        "Activity '" + activity.activityId() + "' ends before it starts.");
            }
        }
    }

    /** A commissioning other than the one recorded, checked against the plan if there is one. */
    static void requireCommissionable(CommissionAudit command, AuditPlanned planned, AuditCommissioned commissioned) {
        if (commissioned != null) {
            throw new RuleViolation("audit-already-commissioned",
                    "Audit " + command.auditId() + " was already commissioned with other details.");
        }
        if (planned != null && !planned.programmeId().equals(command.programmeId())) {
            throw new RuleViolation("programme-mismatch", "Audit " + command.auditId() + " is planned in programme '"
                    + planned.programmeId() + "', not '" + command.programmeId() + "'.");
        }
        if (planned != null && planned.gradingScale().isEmpty()
                && command.questions().stream().anyMatch(AuditCommissioned.AuditQuestion::graded)) {
            throw new RuleViolation("grading-scale-missing",
                    "The audit tool has graded questions but the plan of audit " + command.auditId() + " has no grading scale.");
        }
    }

    static AuditCommissioned commissionedEvent(CommissionAudit command, AuditPlanned planned, WorkingDayCalendar serviceCalendar) {
        if (command.questions().isEmpty()) {
            throw new RuleViolation("audit-tool-empty", "The audit tool must have at least one question.");
        }
        if (command.cases().isEmpty()) {
            throw new RuleViolation("case-sample-empty", "The case sample must have at least one case.");
        }
        if (command.participatingAgencies().isEmpty()) {
            throw new RuleViolation("no-participating-agencies", "At least one agency must be asked for returns.");
        }
        requireUnique(command.cases().stream().map(c -> c.caseReference()).toList(), "case reference");
        requireUnique(command.participatingAgencies(), "agency");
        requireUnique(command.questions().stream().map(q -> q.questionId()).toList(), "question id");

        LocalDate toolSentOn = command.toolSentOn();
        PartnershipPolicy policy = command.policy();
        WorkingDayCalendar calendar = serviceCalendar.forNation(
                policy.calendarNation() == null ? null : policy.calendarNation().name());
        LocalDate reminderDate = calendar.addWorkingDays(toolSentOn, policy.reminderWorkingDay());
        LocalDate returnDeadline = calendar.addWorkingDays(toolSentOn, policy.returnWorkingDays());
        CommissionAudit.DeadlineOverride override = command.deadlineOverride();
        if (override != null) {
            if (override.reason() == null || override.reason().isBlank()
                    || override.decidedBy() == null || override.decidedBy().isBlank()) {
                throw new RuleViolation("deadline-override-unexplained",
                        "A return deadline other than " + policy.returnWorkingDays() + " working days needs who decided it and why.");
            }
            if (!override.returnDeadline().isAfter(toolSentOn) || !calendar.isWorkingDay(override.returnDeadline())) {
                throw new RuleViolation("deadline-override-invalid",
                        "The return deadline must be a working day after the day the tool is sent.");
            }
            returnDeadline = override.returnDeadline();
            if (!reminderDate.isBefore(returnDeadline)) {
                reminderDate = shortDeadlineReminder(toolSentOn, returnDeadline,
                        policy.returnWorkingDays() - policy.reminderWorkingDay(), calendar);
            }
        }
        AuditCommissioned.DeadlineOverride recordedOverride = override == null ? null
                : new AuditCommissioned.DeadlineOverride(override.decidedBy(), override.reason());
        List<String> scale = planned == null || planned.gradingScale().isEmpty() ? null : planned.gradingScale();
        return new AuditCommissioned(command.auditId(), command.programmeId(), command.title(), command.theme(),
                command.leadOfficer(), toolSentOn, returnDeadline, reminderDate, recordedOverride,
                command.questions(), command.cases(),
                command.participatingAgencies(), scale, policy.recorded());
    }

    /**
     * The reminder of a deadline set shorter than the policy's: as many working days before the
     * deadline as the policy leaves, but never before the first working day after the tool is sent
     * (on the deadline itself when that is the next working day).
     */
    static LocalDate shortDeadlineReminder(LocalDate toolSentOn, LocalDate returnDeadline, int daysBefore,
                                           WorkingDayCalendar calendar) {
        LocalDate reminder = calendar.subtractWorkingDays(returnDeadline, daysBefore);
        LocalDate earliest = calendar.addWorkingDays(toolSentOn, 1);
        return reminder.isBefore(earliest) ? earliest : reminder;
    }

    static void requireUnique(List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw new RuleViolation("duplicate-" + what.replace(' ', '-'), "The " + what + " '" + value + "' appears twice.");
            }
        }
    }
}
