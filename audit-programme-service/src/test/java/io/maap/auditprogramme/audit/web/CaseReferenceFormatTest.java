package io.maap.auditprogramme.audit.web;

import io.maap.support.web.Patterns;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseReferenceFormatTest {

    @Test
    void aReferenceNamesThePartnershipTheAuditsMonthTheThemeAndTheNumber() {
        assertThat(CaseReferenceFormat.reference("RBR", LocalDate.of(2017, 4, 3), "Neglect", 3)).isEqualTo("RBR-1704-N03");
        assertThat(CaseReferenceFormat.reference("RBR", LocalDate.of(2026, 11, 30), "e-safety", 123)).isEqualTo("RBR-2611-E123");
        assertThat(CaseReferenceFormat.reference("NEL", LocalDate.of(2020, 1, 6), "  42 themes", 7)).isEqualTo("NEL-2001-T07");
    }

    @Test
    void everyIssuedReferenceHasTheOnlyFormAcceptedAndANameHasNot() {
        assertThat(CaseReferenceFormat.reference("RBR", LocalDate.of(2017, 4, 3), "Neglect", 9999)).matches(Patterns.CASE_REFERENCE);
        assertThat("SMITH-JOHN-2010").doesNotMatch(Patterns.CASE_REFERENCE);
        assertThat("RBR-CUR-ESF-01").doesNotMatch(Patterns.CASE_REFERENCE);
        assertThat("RBR-1704-N03").matches(Patterns.CASE_REFERENCE);
    }

    @Test
    void theSequenceEndsRatherThanIssuingAReferenceOfAnotherForm() {
        assertThatThrownBy(() -> CaseReferenceFormat.reference("RBR", LocalDate.of(2017, 4, 3), "Neglect", 10_000))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CaseReferenceFormat.requireValidCode("rbr")).isInstanceOf(IllegalStateException.class);
    }
}
