package io.maap.auditprogramme.audit.command;

import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditAnalysed;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import io.maap.events.auditprogramme.AuditReturnsClosed;
import io.maap.support.domain.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one rule every step of a themed audit follows, fed by its event-sourcing handler. */
class LifecycleTest {

    private static final String AUDIT = "rbr-2017-missing";
    private static final LocalDate TOOL_SENT = of(2017, 7, 3);
    private static final LocalDate FINAL_SUBMISSION = of(2017, 8, 7);

    private Lifecycle lifecycle;

    @BeforeEach
    void commissioned() {
        lifecycle = new Lifecycle();
        lifecycle.on(new AuditCommissioned(AUDIT, "redbridge-2017-18", "Children who go missing", "Children who go missing",
                "QA Coordinator", TOOL_SENT, FINAL_SUBMISSION, of(2017, 7, 17), null,
                List.of(new AuditQuestion("q1", "Was the child seen?", true)),
                List.of(new SampledCase("RBR-1707-M01", CaseType.CHILD_PROTECTION)), List.of("met-police")));
    }

    private static AuditReturnsClosed returnsClosed(LocalDate on) {
        return new AuditReturnsClosed(AUDIT, "redbridge-2017-18", on, of(2017, 8, 29), "QA Coordinator");
    }

    private static AuditAnalysed analysed(LocalDate on) {
        return new AuditAnalysed(AUDIT, "redbridge-2017-18", on, "QA Sub-Group");
    }

    @Test
    void admitsTheNextStepOnADayThatHasHappened() {
        assertThat(lifecycle.admits(AuditStatus.RETURNS_CLOSED, returnsClosed(FINAL_SUBMISSION), FINAL_SUBMISSION,
                of(2017, 8, 8))).isTrue();
    }

    @Test
    void admitsAStepRecordedOnTheDayItHappens() {
        assertThat(lifecycle.admits(AuditStatus.RETURNS_CLOSED, returnsClosed(FINAL_SUBMISSION), FINAL_SUBMISSION,
                FINAL_SUBMISSION)).isTrue();
    }

    @Test
    void refusesAStepDatedAfterTheDayItIsRecorded() {
        assertThatThrownBy(() -> lifecycle.admits(AuditStatus.RETURNS_CLOSED, returnsClosed(FINAL_SUBMISSION),
                FINAL_SUBMISSION, of(2017, 8, 6)))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("The final submission date 2017-08-07 is in the future; record a step once it happened.");
    }

    @Test
    void refusesAStepDatedBeforeThePreviousStep() {
        assertThatThrownBy(() -> lifecycle.admits(AuditStatus.RETURNS_CLOSED, returnsClosed(of(2017, 7, 1)),
                of(2017, 7, 1), FINAL_SUBMISSION))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("The final submission date 2017-07-01 is before the previous step of audit rbr-2017-missing (2017-07-03).");
    }

    @Test
    void refusesAStepThatSkipsTheOneBefore() {
        assertThatThrownBy(() -> lifecycle.admits(AuditStatus.ANALYSED, analysed(of(2017, 8, 14)), of(2017, 8, 14),
                of(2017, 8, 14)))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("Cannot record the analysis of audit rbr-2017-missing: it is commissioned, and must be returns closed first.");
    }

    @Test
    void acceptsARetryOfTheStepTakenSilentlyEvenOnALaterDay() {
        lifecycle.on(returnsClosed(FINAL_SUBMISSION));
        lifecycle.on(analysed(of(2017, 8, 14)));
        assertThat(lifecycle.admits(AuditStatus.RETURNS_CLOSED, returnsClosed(FINAL_SUBMISSION), FINAL_SUBMISSION,
                of(2018, 1, 5))).isFalse();
    }

    @Test
    void refusesTheSameStepAgainWithOtherDetails() {
        lifecycle.on(returnsClosed(FINAL_SUBMISSION));
        assertThatThrownBy(() -> lifecycle.admits(AuditStatus.RETURNS_CLOSED, returnsClosed(of(2017, 8, 8)),
                of(2017, 8, 8), of(2017, 8, 9)))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("Cannot close the returns of audit rbr-2017-missing: it is already returns closed, with other details.");
    }

    @Test
    void refusesAStepOfAnAuditThatIsNotThemed() {
        assertThatThrownBy(() -> new Lifecycle().admits(AuditStatus.ANALYSED, analysed(of(2017, 8, 14)), of(2017, 8, 14),
                of(2017, 8, 14)))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("Audit rbr-2017-missing is not a themed audit.");
    }
}
