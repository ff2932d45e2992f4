package io.maap.auditprogramme.audit;

import io.maap.auditprogramme.audit.command.Audit;
import io.maap.auditprogramme.audit.command.CommissionAudit;
import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.auditprogramme.audit.command.ScheduleChallengeDay;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static java.time.LocalDate.of;

/** The first row of North East Lincolnshire's audit calendar (seed 001): Safeguarding Disabled Children, 2016. */
class NorthEastLincolnshireCalendarTest {

    private static final String AUDIT = "nel-2016-disabled-children";
    private static final List<AuditQuestion> QUESTIONS = List.of(new AuditQuestion("q1", "Was the child seen?", false));
    private static final List<SampledCase> CASES = List.of(new SampledCase("NEL-1601-D01", CaseType.CHILD_IN_NEED));

    private AggregateTestFixture<Audit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Audit.class);
        fixture.registerInjectableResource(WorkingDayCalendar.englandAndWales());
    }

    private static AuditCommissioned commissioned() {
        return new AuditCommissioned(AUDIT, "nel-2016", "Safeguarding Disabled Children", "Disabled children", "QA Coordinator",
                of(2016, 1, 18), of(2016, 2, 8), of(2016, 2, 1), null, QUESTIONS, CASES, List.of("nlag"), null,
                PartnershipPolicy.DEFAULT.recorded());
    }

    @Test
    void toolSentOn18JanuaryIsDueOn8FebruaryAsTheCalendarSays() {
        fixture.givenNoPriorActivity()
                .when(new CommissionAudit(AUDIT, "nel-2016", "Safeguarding Disabled Children", "Disabled children",
                        "QA Coordinator", of(2016, 1, 18), null, QUESTIONS, CASES, List.of("nlag")))
                .expectEvents(commissioned());
    }

    @Test
    void theCalendarsChallengeDayOn1MarchFallsOneWorkingDayOutsideTheWindowAndNeedsAnOverride() {
        fixture.given(commissioned())
                .when(new ScheduleChallengeDay(AUDIT, of(2016, 3, 1), null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The challenge day must fall within 15 working days of 2016-02-08, by 2016-02-29; "
                        + "a later day needs who decided it and why.");
        DeliberateOverride override = new DeliberateOverride("NEL LSCB QA Sub Group", "Set in the annual audit calendar");
        fixture.given(commissioned())
                .when(new ScheduleChallengeDay(AUDIT, of(2016, 3, 1), null, override))
                .expectEvents(new ChallengeDayScheduled(AUDIT, "nel-2016", of(2016, 3, 1), null, of(2016, 2, 26),
                        of(2016, 2, 29), override));
    }

    /** North East Lincolnshire's own policy as seed 001 states it: its nil return covers any time. */
    static final PartnershipPolicy NEL = new PartnershipPolicy(2, of(2016, 1, 1), "NEL LSCB QA Sub Group",
            "Seed 001: Multi-Agency Audit Guidance", 15, 10, 15, PartnershipPolicy.LaterChallengeDay.NEEDS_OVERRIDE, 2, 5,
            "No involvement historically, previously or currently", null, null);

    @Test
    void commissionedUnderNelsPolicyTheAuditKeepsItsVersionAndItsNilReturnMeaning() {
        fixture.givenNoPriorActivity()
                .when(new CommissionAudit(AUDIT, "nel-2016", "Safeguarding Disabled Children", "Disabled children",
                        "QA Coordinator", of(2016, 1, 18), null, QUESTIONS, CASES, List.of("nlag"), NEL))
                .expectEvents(new AuditCommissioned(AUDIT, "nel-2016", "Safeguarding Disabled Children", "Disabled children",
                        "QA Coordinator", of(2016, 1, 18), of(2016, 2, 8), of(2016, 2, 1), null, QUESTIONS, CASES,
                        List.of("nlag"), null, new AuditCommissioned.Policy(2, 15, 10, 15, false, 2, 5,
                        "No involvement historically, previously or currently", null)));
    }

    @Test
    void aPolicyThatRefusesALaterChallengeDayRefusesItEvenWithWhoAndWhy() {
        AuditCommissioned strict = new AuditCommissioned(AUDIT, "nel-2016", "Safeguarding Disabled Children",
                "Disabled children", "QA Coordinator", of(2016, 1, 18), of(2016, 2, 8), of(2016, 2, 1), null, QUESTIONS,
                CASES, List.of("nlag"), null, new AuditCommissioned.Policy(3, 15, 10, 15, true, 2, 5, "None", null));
        fixture.given(strict)
                .when(new ScheduleChallengeDay(AUDIT, of(2016, 3, 1), null,
                        new DeliberateOverride("NEL LSCB QA Sub Group", "Set in the annual audit calendar")))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The challenge day must fall within 15 working days of 2016-02-08, by 2016-02-29; "
                        + "the partnership's policy refuses a later day.");
    }

    @Test
    void aPolicyWithAWiderWindowTakesTheCalendarsChallengeDayWithoutAnOverride() {
        AuditCommissioned wider = new AuditCommissioned(AUDIT, "nel-2016", "Safeguarding Disabled Children",
                "Disabled children", "QA Coordinator", of(2016, 1, 18), of(2016, 2, 8), of(2016, 2, 1), null, QUESTIONS,
                CASES, List.of("nlag"), null, new AuditCommissioned.Policy(4, 15, 10, 21, false, 2, 5, "None", null));
        fixture.given(wider)
                .when(new ScheduleChallengeDay(AUDIT, of(2016, 3, 1), null, null))
                .expectEvents(new ChallengeDayScheduled(AUDIT, "nel-2016", of(2016, 3, 1), null, of(2016, 2, 26),
                        of(2016, 3, 8), null));
    }

    @Test
    void aPolicyNamingScotlandCountsTheDeadlineAndReminderByScotlandsWorkingDays() {
        PartnershipPolicy scottish = new PartnershipPolicy(1, of(2017, 1, 1), "Scottish partnership", "Scotland's holidays",
                15, 10, 15, PartnershipPolicy.LaterChallengeDay.NEEDS_OVERRIDE, 2, 5, "None", 12,
                io.maap.support.calendar.Nation.SCOTLAND);
        // 2 January is a bank holiday in Scotland, not in England and Wales (deadline 11 January there, reminder 4th).
        fixture.givenNoPriorActivity()
                .when(new CommissionAudit(AUDIT, "nel-2016", "Safeguarding Disabled Children", "Disabled children",
                        "QA Coordinator", of(2017, 12, 18), null, QUESTIONS, CASES, List.of("nlag"), scottish))
                .expectEvents(new AuditCommissioned(AUDIT, "nel-2016", "Safeguarding Disabled Children", "Disabled children",
                        "QA Coordinator", of(2017, 12, 18), of(2018, 1, 12), of(2018, 1, 5), null, QUESTIONS, CASES,
                        List.of("nlag"), null, new AuditCommissioned.Policy(1, 15, 10, 15, false, 2, 5, "None", 12, "SCOTLAND")));
    }
}
