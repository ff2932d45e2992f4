package io.maap.auditprogramme.audit;

import io.maap.auditprogramme.audit.command.Audit;
import io.maap.auditprogramme.audit.command.CommissionAudit;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * All five rows of North East Lincolnshire's 2016 audit calendar (seed 001), entered under NEL's own
 * policy (15 working days to return, reminder on the 10th, challenge day within 15 working days of the
 * final submission date, a later day with who and why): each comes out on the seed's dates, with an
 * override exactly where the seed departs from its own rules. The deadlines of rows 2 and 3 are 13 and
 * 14 working days after the tool (Easter and the late May bank holiday fall between); the challenge
 * days of rows 1 to 4 fall after the 15-working-day window ("the audit calendar has been developed to
 * take into account school holidays and other public holidays"); row 5 keeps every rule.
 */
class NorthEastLincolnshireCalendarRowsTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private static final List<AuditQuestion> QUESTIONS = List.of(new AuditQuestion("q1", "Was the child seen?", false));
    private static final DeliberateOverride CALENDAR_SAYS = new DeliberateOverride("NEL LSCB QA Sub Group",
            "Set in the annual audit calendar");

    record Row(String title, LocalDate toolSent, LocalDate deadline, LocalDate challengeDay, boolean deadlineDeparts,
               boolean challengeDayDeparts) {
    }

    static List<Row> rows() {
        return List.of(
                new Row("Safeguarding Disabled Children", of(2016, 1, 18), of(2016, 2, 8), of(2016, 3, 1), false, true),
                new Row("Children who go missing", of(2016, 3, 14), of(2016, 4, 4), of(2016, 5, 4), true, true),
                new Row("Neglect - including evaluation of use of the tool", of(2016, 5, 16), of(2016, 6, 6),
                        of(2016, 6, 28), true, true),
                new Row("Sexual Harm (to include CSE & HSB)", of(2016, 9, 12), of(2016, 10, 3), of(2016, 11, 1), false, true),
                new Row("Children who are involved in youth justice", of(2016, 11, 14), of(2016, 12, 5), of(2016, 12, 20),
                        false, false));
    }

    private static CommissionAudit commission(Row row, CommissionAudit.DeadlineOverride override) {
        return new CommissionAudit(id(row), "nel-2016", row.title(), row.title(), "QA Coordinator", row.toolSent(), override,
                QUESTIONS, List.of(new SampledCase("NEL-2016-01", CaseType.CHILD_IN_NEED)), List.of("nlag"),
                NorthEastLincolnshireCalendarTest.NEL);
    }

    private static String id(Row row) {
        return "nel-2016-" + row.toolSent();
    }

    private static AggregateTestFixture<Audit> fixture() {
        AggregateTestFixture<Audit> fixture = new AggregateTestFixture<>(Audit.class);
        fixture.registerInjectableResource(CALENDAR);
        return fixture;
    }

    @ParameterizedTest
    @MethodSource("rows")
    void eachRowComesOutOnTheSeedsDatesWithOverridesOnlyWhereTheSeedDepartsFromItsRules(Row row) {
        LocalDate byTheRules = CALENDAR.addWorkingDays(row.toolSent(), 15);
        assertThat(byTheRules.equals(row.deadline())).as("%s: deadline by the rules", row.title())
                .isEqualTo(!row.deadlineDeparts());
        CommissionAudit.DeadlineOverride deadlineOverride = row.deadlineDeparts()
                ? new CommissionAudit.DeadlineOverride(row.deadline(), CALENDAR_SAYS.decidedBy(), CALENDAR_SAYS.reason())
                : null;
        AuditCommissioned commissioned = new AuditCommissioned(id(row), "nel-2016", row.title(), row.title(),
                "QA Coordinator", row.toolSent(), row.deadline(), CALENDAR.addWorkingDays(row.toolSent(), 10),
                deadlineOverride == null ? null : new AuditCommissioned.DeadlineOverride(CALENDAR_SAYS.decidedBy(),
                        CALENDAR_SAYS.reason()),
                QUESTIONS, List.of(new SampledCase("NEL-2016-01", CaseType.CHILD_IN_NEED)), List.of("nlag"), null,
                NorthEastLincolnshireCalendarTest.NEL.recorded());
        fixture().givenNoPriorActivity()
                .when(commission(row, deadlineOverride))
                .expectEvents(commissioned);

        LocalDate latest = CALENDAR.addWorkingDays(row.deadline(), 15);
        ChallengeDayScheduled scheduled = new ChallengeDayScheduled(id(row), "nel-2016", row.challengeDay(), null,
                CALENDAR.subtractWorkingDays(row.challengeDay(), 2), latest, row.challengeDayDeparts() ? CALENDAR_SAYS : null);
        if (row.challengeDayDeparts()) {
            fixture().given(commissioned)
                    .when(new ScheduleChallengeDay(id(row), row.challengeDay(), null, null))
                    .expectException(RuleViolation.class);
            fixture().given(commissioned)
                    .when(new ScheduleChallengeDay(id(row), row.challengeDay(), null, CALENDAR_SAYS))
                    .expectEvents(scheduled);
        } else {
            fixture().given(commissioned)
                    .when(new ScheduleChallengeDay(id(row), row.challengeDay(), null, null))
                    .expectEvents(scheduled);
        }
    }
}
