package io.maap.auditprogramme.audit;

import io.maap.auditprogramme.audit.command.Audit;
import io.maap.auditprogramme.audit.command.CommissionAudit;
import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class AuditTest {

    private static final LocalDate TOOL_SENT = LocalDate.of(2017, 7, 3);
    private static final List<AuditQuestion> QUESTIONS = List.of(
            new AuditQuestion("q1", "Was the voice of the child heard?", true));
    private static final List<SampledCase> CASES = List.of(
            new SampledCase("RBR-1707-M01", CaseType.CHILD_PROTECTION),
            new SampledCase("RBR-1707-M02", CaseType.LOOKED_AFTER));
    private static final List<String> AGENCIES = List.of("childrens-social-care", "met-police");

    private AggregateTestFixture<Audit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Audit.class);
        fixture.registerInjectableResource(WorkingDayCalendar.englandAndWales());
    }

    private static CommissionAudit commission(CommissionAudit.DeadlineOverride override) {
        return new CommissionAudit("missing-2017", "redbridge-2017-18", "Children who go missing",
                "Children who go missing", "Chair of L&I Sub-Group", TOOL_SENT, override, QUESTIONS, CASES, AGENCIES);
    }

    private static AuditCommissioned commissioned(LocalDate deadline, LocalDate reminder,
                                                  AuditCommissioned.DeadlineOverride override) {
        return new AuditCommissioned("missing-2017", "redbridge-2017-18", "Children who go missing",
                "Children who go missing", "Chair of L&I Sub-Group", TOOL_SENT, deadline, reminder, override,
                QUESTIONS, CASES, AGENCIES, null, PartnershipPolicy.DEFAULT.recorded());
    }

    @Test
    void commissioningSetsTheDeadlineFifteenWorkingDaysAfterTheToolIsSent() {
        fixture.givenNoPriorActivity()
                .when(commission(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(commissioned(LocalDate.of(2017, 7, 24), LocalDate.of(2017, 7, 17), null));
    }

    @Test
    void aDeliberateDeadlineRecordsWhoAndWhy() {
        fixture.givenNoPriorActivity()
                .when(commission(new CommissionAudit.DeadlineOverride(LocalDate.of(2017, 8, 7), "LSCB Executive",
                        "Summer holidays")))
                .expectEvents(commissioned(LocalDate.of(2017, 8, 7), LocalDate.of(2017, 7, 17),
                        new AuditCommissioned.DeadlineOverride("LSCB Executive", "Summer holidays")));
    }

    @Test
    void aShortDeadlineNeverPutsTheReminderBeforeTheToolIsSent() {
        fixture.givenNoPriorActivity()
                .when(commission(new CommissionAudit.DeadlineOverride(LocalDate.of(2017, 7, 5), "LSCB Executive",
                        "Urgent thematic review")))
                .expectEvents(commissioned(LocalDate.of(2017, 7, 5), LocalDate.of(2017, 7, 4),
                        new AuditCommissioned.DeadlineOverride("LSCB Executive", "Urgent thematic review")));
    }

    @Test
    void aDeadlineOnTheNextWorkingDayIsRemindedOnTheDeadlineItself() {
        fixture.givenNoPriorActivity()
                .when(commission(new CommissionAudit.DeadlineOverride(LocalDate.of(2017, 7, 4), "LSCB Executive",
                        "Urgent thematic review")))
                .expectEvents(commissioned(LocalDate.of(2017, 7, 4), LocalDate.of(2017, 7, 4),
                        new AuditCommissioned.DeadlineOverride("LSCB Executive", "Urgent thematic review")));
    }

    @Test
    void cannotOverrideTheDeadlineWithoutAReason() {
        fixture.givenNoPriorActivity()
                .when(commission(new CommissionAudit.DeadlineOverride(LocalDate.of(2017, 8, 7), "LSCB Executive", " ")))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A return deadline other than 15 working days needs who decided it and why.");
    }

    @Test
    void cannotSetTheDeadlineOnABankHoliday() {
        fixture.givenNoPriorActivity()
                .when(commission(new CommissionAudit.DeadlineOverride(LocalDate.of(2017, 8, 28), "QA group", "Holidays")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void retryingTheSameCommissionChangesNothing() {
        fixture.given(commissioned(LocalDate.of(2017, 7, 24), LocalDate.of(2017, 7, 17), null))
                .when(commission(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotCommissionTheSameAuditTwiceWithOtherDetails() {
        fixture.given(commissioned(LocalDate.of(2017, 7, 24), LocalDate.of(2017, 7, 17), null))
                .when(new CommissionAudit("missing-2017", "redbridge-2017-18", "Another title", "Children who go missing",
                        "Chair of L&I Sub-Group", TOOL_SENT, null, QUESTIONS, CASES, AGENCIES))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotCommissionWithADuplicateCase() {
        fixture.givenNoPriorActivity()
                .when(new CommissionAudit("missing-2017", "redbridge-2017-18", "t", "Children who go missing", "lead",
                        TOOL_SENT, null, QUESTIONS, List.of(CASES.get(0), CASES.get(0)), AGENCIES))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The case reference 'RBR-1707-M01' appears twice.");
    }
}
