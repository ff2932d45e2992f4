package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditCommissioned;

import io.maap.support.calendar.Nation;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.LocalDate;

/**
 * One version of the partnership's audit policy: the rules of time and the meaning of a nil return,
 * changed with who changed it, why, and the day it applies from. An audit keeps the version in
 * force on the day its tool was sent ({@link AuditCommissioned#policy()}).
 *
 * @param laterChallengeDay whether a challenge day after the window is refused or needs who and why
 * @param calendarNation    whose bank holidays the working days skip; null for the service's own calendar
 * @param disseminationOptional true when an audit may close without a record of its learning being
 *                          disseminated; null or false (the default) when one is required
 */
public record PartnershipPolicy(int version, LocalDate appliesFrom, String changedBy, String reason,
                                int returnWorkingDays, int reminderWorkingDay, int challengeDayWindowWorkingDays,
                                LaterChallengeDay laterChallengeDay, int agendaWorkingDaysBefore,
                                int resubmissionWorkingDays, String nilReturnMeaning, Integer nilReturnLookbackMonths,
                                Nation calendarNation, Boolean disseminationOptional) {

    /** The one constructor configuration binds (the others keep older callers as they were). */
    @ConstructorBinding
    public PartnershipPolicy {
    }

    /** A version that keeps the default: an audit closes only after its learning was disseminated. */
    public PartnershipPolicy(int version, LocalDate appliesFrom, String changedBy, String reason,
                             int returnWorkingDays, int reminderWorkingDay, int challengeDayWindowWorkingDays,
                             LaterChallengeDay laterChallengeDay, int agendaWorkingDaysBefore,
                             int resubmissionWorkingDays, String nilReturnMeaning, Integer nilReturnLookbackMonths,
                             Nation calendarNation) {
        this(version, appliesFrom, changedBy, reason, returnWorkingDays, reminderWorkingDay, challengeDayWindowWorkingDays,
                laterChallengeDay, agendaWorkingDaysBefore, resubmissionWorkingDays, nilReturnMeaning,
                nilReturnLookbackMonths, calendarNation, null);
    }


    public enum LaterChallengeDay { REFUSED, NEEDS_OVERRIDE }

    /** Seed 001's rules of time; a nil return as Hackney's (seed 004) "no involvement in the last 12 months". */
    public static final PartnershipPolicy DEFAULT = new PartnershipPolicy(1, LocalDate.of(2000, 1, 1), "MAAP defaults",
            "The seeds' rules: 15 working days, reminder on the 10th, challenge day within 15", 15, 10, 15,
            LaterChallengeDay.NEEDS_OVERRIDE, 2, 5, "No involvement with the child or family in the 12 months before the audit", 12, null);

    /** A version from its values as an audit keeps them, with its number, start, and who decided it and why. */
    public static PartnershipPolicy of(int version, LocalDate appliesFrom, String changedBy, String reason,
                                       AuditCommissioned.Policy values) {
        return new PartnershipPolicy(version, appliesFrom, changedBy, reason, values.returnWorkingDays(),
                values.reminderWorkingDay(), values.challengeDayWindowWorkingDays(),
                values.laterChallengeDayRefused() ? LaterChallengeDay.REFUSED : LaterChallengeDay.NEEDS_OVERRIDE,
                values.agendaWorkingDaysBefore(), values.resubmissionWorkingDays(), values.nilReturnMeaning(),
                values.nilReturnLookbackMonths(), values.calendarNation() == null ? null : Nation.valueOf(values.calendarNation()),
                values.disseminationOptional());
    }

    public AuditCommissioned.Policy recorded() {
        return recorded(calendarNation);
    }

    /** The policy as an audit keeps it, with the nation whose working days it was commissioned by. */
    public AuditCommissioned.Policy recorded(Nation nation) {
        return new AuditCommissioned.Policy(version, returnWorkingDays, reminderWorkingDay, challengeDayWindowWorkingDays,
                laterChallengeDay == LaterChallengeDay.REFUSED, agendaWorkingDaysBefore, resubmissionWorkingDays,
                nilReturnMeaning, nilReturnLookbackMonths, nation == null ? null : nation.name(), disseminationOptional);
    }
}
