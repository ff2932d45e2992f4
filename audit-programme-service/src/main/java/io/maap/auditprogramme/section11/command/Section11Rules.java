package io.maap.auditprogramme.section11.command;

import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded.Step;
import io.maap.support.domain.RuleViolation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * What the commands of a Section 11 audit must hold: agencies named once, each agency's steps in
 * order (the resubmission after the panel optional), every action plan in before they go to the Board unless someone decides otherwise, and
 * days that have happened (not after {@code today}, from the command: the aggregate reads no
 * clock) and follow the previous step.
 */
final class Section11Rules {

    private Section11Rules() {
    }

    static void requireAgencies(List<String> agencies) {
        if (agencies.isEmpty()) {
            throw new RuleViolation("no-participating-agencies", "At least one agency must self-assess.");
        }
        if (new HashSet<>(agencies).size() != agencies.size()) {
            throw new RuleViolation("duplicate-agency", "An agency appears twice.");
        }
    }

    /**
     * The step after the agency's {@code last} one, which is null before its self-assessment. After
     * the challenge panel the agency amends its self-assessment only "if necessary" (seed 000), so
     * its action plan may come next.
     */
    static void requireNextStep(RecordAgencyStep command, Section11AgencyStepRecorded last) {
        Step expected = last == null ? Step.SELF_ASSESSMENT_SUBMITTED
                : last.step().ordinal() + 1 < Step.values().length ? Step.values()[last.step().ordinal() + 1] : null;
        boolean resubmissionSkipped = last != null && last.step() == Step.CHALLENGE_PANEL_HELD
                && command.step() == Step.ACTION_PLAN_RECEIVED;
        if (command.step() != expected && !resubmissionSkipped) {
            throw new RuleViolation("illegal-transition", "Cannot record " + describe(command.step()) + " for agency '"
                    + command.agency() + "': " + (expected == null ? "its action plan was already received."
                    : "the next step is " + describe(expected) + "."));
        }
    }

    static void requireActionPlans(List<String> missing, DeliberateOverride override) {
        if (!missing.isEmpty() && (override == null || blank(override.decidedBy()) || blank(override.reason()))) {
            throw new RuleViolation("action-plans-missing", "No action plan yet from " + String.join(", ", missing)
                    + "; presenting without them needs who decided it and why.");
        }
    }

    static void requireEvaluation(String evaluation) {
        if (blank(evaluation)) {
            throw new RuleViolation("evaluation-missing", "A Section 11 audit is closed with an evaluation of the process.");
        }
    }

    /** {@code on} has happened by {@code today} and is not before {@code previous}, if there is one. */
    static void requirePastAndAfter(LocalDate on, LocalDate previous, LocalDate today) {
        if (on.isAfter(today)) {
            throw new RuleViolation("date-in-future", "The date " + on + " is in the future; record a step once it happened.");
        }
        if (previous != null && on.isBefore(previous)) {
            throw new RuleViolation("date-before-previous-step", "The date " + on + " is before the previous step (" + previous + ").");
        }
    }

    private static String describe(Step step) {
        return step.name().toLowerCase().replace('_', ' ');
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
