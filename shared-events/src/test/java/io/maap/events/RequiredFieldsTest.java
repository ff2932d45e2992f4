package io.maap.events;

import io.maap.events.actionplan.ActionClosed;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import io.maap.events.auditprogramme.Section11ActionPlansPresented;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredFieldsTest {

    private static final LocalDate DAY = LocalDate.of(2017, 4, 3);

    @Test
    void aCompleteEventHasNothingMissingEvenWithItsOptionalFieldsNull() {
        assertThat(RequiredFields.firstMissing(commissioned(List.of(new SampledCase("RBR-1704-N01", CaseType.CHILD_IN_NEED)))))
                .isEmpty();
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThat(RequiredFields.firstMissing(new ActionClosed("a1", "p1", "audit", "programme", "nelft", "Evidence", "QA",
                null, DAY))).contains("closedOn");
    }

    @Test
    void missingFieldsInsideListsAreNamedWithTheirIndex() {
        assertThat(RequiredFields.firstMissing(commissioned(List.of(new SampledCase("RBR-1704-N01", CaseType.CHILD_IN_NEED),
                new SampledCase(null, CaseType.CHILD_IN_NEED))))).contains("cases[1].caseReference");
        assertThat(RequiredFields.firstMissing(Arrays.asList("a", null))).contains("[1]");
    }

    @Test
    void section11EventsSentWithoutAnOverrideOrAChairAreReadable() {
        assertThat(RequiredFields.firstMissing(new Section11ActionPlansPresented("s11", "programme", DAY, "LSCB Board",
                List.of(), null))).isEmpty();
        assertThat(RequiredFields.firstMissing(new Section11AgencyStepRecorded("s11", "programme", "nelft",
                Section11AgencyStepRecorded.Step.SELF_ASSESSMENT_SUBMITTED, DAY, null))).isEmpty();
    }

    private static AuditCommissioned commissioned(List<SampledCase> cases) {
        return new AuditCommissioned("audit", "programme", "Neglect audit", "Neglect", "Lead", DAY, DAY.plusDays(28),
                DAY.plusDays(21), null, List.of(new AuditQuestion("q1", "Was the child seen?", true)), cases,
                List.of("nelft"));
    }
}
