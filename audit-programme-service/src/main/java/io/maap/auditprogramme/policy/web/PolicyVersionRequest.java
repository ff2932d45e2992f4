package io.maap.auditprogramme.policy.web;

import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.support.calendar.Nation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A new version of the partnership's policy: who decided it and why, the day it applies from, and
 * every value (the seeds' are 15, 10, 15, NEEDS_OVERRIDE, 2; resubmission 5; a nil return's
 * meaning with its look-back in months, none for "any time"; the calendar nation, none for the
 * service's own; whether an audit may close without a dissemination record, required when left out).
 */
public record PolicyVersionRequest(
        @NotNull LocalDate appliesFrom,
        @NotBlank @Size(max = 200) String changedBy,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @Min(1) @Max(60) Integer returnWorkingDays,
        @NotNull @Min(1) @Max(60) Integer reminderWorkingDay,
        @NotNull @Min(1) @Max(60) Integer challengeDayWindowWorkingDays,
        @NotNull PartnershipPolicy.LaterChallengeDay laterChallengeDay,
        @NotNull @Min(0) @Max(20) Integer agendaWorkingDaysBefore,
        @NotNull @Min(1) @Max(60) Integer resubmissionWorkingDays,
        @NotBlank @Size(max = 500) String nilReturnMeaning,
        @Min(1) @Max(120) Integer nilReturnLookbackMonths,
        Nation calendarNation,
        Boolean disseminationOptional) {

    PartnershipPolicy toPolicy() {
        return new PartnershipPolicy(0, appliesFrom, changedBy.strip(), reason.strip(), returnWorkingDays,
                reminderWorkingDay, challengeDayWindowWorkingDays, laterChallengeDay, agendaWorkingDaysBefore,
                resubmissionWorkingDays, nilReturnMeaning.strip(), nilReturnLookbackMonths, calendarNation,
                disseminationOptional);
    }
}
