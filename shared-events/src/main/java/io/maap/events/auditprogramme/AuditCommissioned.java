package io.maap.events.auditprogramme;

import io.maap.events.CaseType;
import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A themed multi-agency audit has been commissioned: the audit tool and the case sample were
 * sent to every participating agency's single point of contact. Sent once per audit, when the
 * QA coordinator commissions it. Receivers create one return request per case and agency.
 *
 * @param auditId              the partnership's identifier for the audit
 * @param programmeId          the annual programme the audit belongs to
 * @param title                the audit's title as the programme names it
 * @param theme                the audit theme, e.g. "Neglect" or "Children who go missing"
 * @param leadOfficer          the role or person leading the audit
 * @param toolSentOn           the day the tool and cases were sent (Europe/London)
 * @param returnDeadline       the last day for returns: by default the 15th working day after {@code toolSentOn}
 * @param reminderDate         the day reminders go out: by default the 10th working day after {@code toolSentOn}
 * @param deadlineOverride     who set a deadline other than the default, and why; null when the default applies
 * @param questions            the audit tool: every question must be answered in a return
 * @param cases                the case sample, as pseudonymised partnership references
 * @param participatingAgencies the agency codes asked for a return for every case
 * @param gradingScale         the grades the audit's plan allows, best first (e.g. Outstanding, Good,
 *                             Requires improvement, Inadequate); a graded question's grade is one of
 *                             them. Null when commissioned without a plan or before this field existed
 * @param policy               the version of the partnership's policy the audit was commissioned under,
 *                             with the values that go on applying to it; null before this field existed
 *                             (the defaults then apply: 15-working-day challenge-day window, a later day
 *                             with an override, agenda 2 working days before, resubmission in 5)
 */
@EventType(name = "maap.audit.commissioned", version = 1)
public record AuditCommissioned(
        String auditId,
        String programmeId,
        String title,
        String theme,
        String leadOfficer,
        LocalDate toolSentOn,
        LocalDate returnDeadline,
        LocalDate reminderDate,
        @Nullable DeadlineOverride deadlineOverride,
        List<AuditQuestion> questions,
        List<SampledCase> cases,
        List<String> participatingAgencies,
        @Nullable List<String> gradingScale,
        @Nullable Policy policy) implements AuditProgrammeEvent {

    public AuditCommissioned {
        questions = List.copyOf(questions);
        cases = List.copyOf(cases);
        participatingAgencies = List.copyOf(participatingAgencies);
        gradingScale = gradingScale == null ? null : List.copyOf(gradingScale);
    }

    /** A commissioning that names no grading scale (as before the scale was carried). */
    public AuditCommissioned(String auditId, String programmeId, String title, String theme, String leadOfficer,
                             LocalDate toolSentOn, LocalDate returnDeadline, LocalDate reminderDate,
                             DeadlineOverride deadlineOverride, List<AuditQuestion> questions, List<SampledCase> cases,
                             List<String> participatingAgencies) {
        this(auditId, programmeId, title, theme, leadOfficer, toolSentOn, returnDeadline, reminderDate, deadlineOverride,
                questions, cases, participatingAgencies, null, null);
    }

    /** A commissioning with the plan's grading scale, under no recorded policy version. */
    public AuditCommissioned(String auditId, String programmeId, String title, String theme, String leadOfficer,
                             LocalDate toolSentOn, LocalDate returnDeadline, LocalDate reminderDate,
                             DeadlineOverride deadlineOverride, List<AuditQuestion> questions, List<SampledCase> cases,
                             List<String> participatingAgencies, List<String> gradingScale) {
        this(auditId, programmeId, title, theme, leadOfficer, toolSentOn, returnDeadline, reminderDate, deadlineOverride,
                questions, cases, participatingAgencies, gradingScale, null);
    }

    /**
     * The partnership's policy an audit keeps for its whole life, as it was when commissioned.
     *
     * @param version                       the policy version in force on the day the tool was sent
     * @param returnWorkingDays             working days from the tool to the return deadline (seed 001: 15)
     * @param reminderWorkingDay            the working day reminders go out (seed 001: the 10th)
     * @param challengeDayWindowWorkingDays working days after the final submission date the challenge day falls within (15)
     * @param laterChallengeDayRefused      true when a later challenge day is refused outright; false when it
     *                                      needs who decided it and why
     * @param agendaWorkingDaysBefore       working days before the challenge day the agenda goes out (2)
     * @param resubmissionWorkingDays       working days an agency has to resubmit a return sent back
     * @param nilReturnMeaning              what a nil return declares, in the partnership's words
     * @param nilReturnLookbackMonths       the months before the request a nil return covers (Hackney: 12);
     *                                      null when it covers any time ("historically, previously or currently")
     * @param calendarNation                whose bank holidays the audit's working days skip: ENGLAND_AND_WALES,
     *                                      SCOTLAND or NORTHERN_IRELAND; null when recorded before this field
     *                                      existed (the receiving service's own calendar then applies)
     * @param disseminationOptional         true when the partnership lets an audit close without a record of its
     *                                      learning being disseminated; null or false when one is required
     */
    public record Policy(int version, int returnWorkingDays, int reminderWorkingDay, int challengeDayWindowWorkingDays,
                         boolean laterChallengeDayRefused, int agendaWorkingDaysBefore, int resubmissionWorkingDays,
                         String nilReturnMeaning, @Nullable Integer nilReturnLookbackMonths,
                         @Nullable String calendarNation, @Nullable Boolean disseminationOptional) {

        /** A policy recorded before the dissemination step could be made optional. */
        public Policy(int version, int returnWorkingDays, int reminderWorkingDay, int challengeDayWindowWorkingDays,
                      boolean laterChallengeDayRefused, int agendaWorkingDaysBefore, int resubmissionWorkingDays,
                      String nilReturnMeaning, @Nullable Integer nilReturnLookbackMonths, @Nullable String calendarNation) {
            this(version, returnWorkingDays, reminderWorkingDay, challengeDayWindowWorkingDays, laterChallengeDayRefused,
                    agendaWorkingDaysBefore, resubmissionWorkingDays, nilReturnMeaning, nilReturnLookbackMonths,
                    calendarNation, null);
        }

        /** Whether an audit under this policy closes only after its learning was disseminated (the default). */
        public boolean requiresDissemination() {
            return !Boolean.TRUE.equals(disseminationOptional);
        }

        /** A policy recorded without its calendar nation. */
        public Policy(int version, int returnWorkingDays, int reminderWorkingDay, int challengeDayWindowWorkingDays,
                      boolean laterChallengeDayRefused, int agendaWorkingDaysBefore, int resubmissionWorkingDays,
                      String nilReturnMeaning, @Nullable Integer nilReturnLookbackMonths) {
            this(version, returnWorkingDays, reminderWorkingDay, challengeDayWindowWorkingDays, laterChallengeDayRefused,
                    agendaWorkingDaysBefore, resubmissionWorkingDays, nilReturnMeaning, nilReturnLookbackMonths, null, null);
        }
    }

    /** A return deadline set deliberately away from the default. */
    public record DeadlineOverride(String decidedBy, String reason) {
    }

    /** One question of the audit tool; {@code graded} when the tool asks for a grade as well as an answer. */
    public record AuditQuestion(String questionId, String text, boolean graded) {
    }

    /** One case of the sample: a pseudonymised reference issued by the partnership, never a name. */
    public record SampledCase(String caseReference, CaseType caseType) {
    }
}
