package io.maap.dashboard.page.web;

import io.maap.dashboard.page.web.ApiProblem;
import io.maap.dashboard.page.web.FormErrors;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTest {

    @Test
    void fieldErrorsOfTheApiGoBesideTheFormFieldsTheyConcern() {
        ApiProblem problem = new ApiProblem(400, null, "The request has 2 invalid field(s).", List.of(
                new ApiProblem.FieldMessage("answers[1].answer", "must not be blank"),
                new ApiProblem.FieldMessage("title", "must not be blank")));

        FormErrors errors = FormErrors.from(problem, Map.of("answers[1]", "answer-q2", "title", "title"));

        assertThat(errors.of("answer-q2")).isEqualTo("Answer to question 2 must not be blank");
        assertThat(errors.of("title")).isEqualTo("Title must not be blank");
        assertThat(errors.all()).extracting(FormErrors.Error::href).containsExactly("#answer-q2", "#title");
        assertThat(FormErrors.label("participatingAgencies", "participatingAgencies")).isEqualTo("Participating agencies ");
        assertThat(FormErrors.label("deadlineOverride.reason", "x")).isEqualTo("Deadline override ");
    }

    @Test
    void aBusinessRuleRefusalGoesBesideTheFieldItsCodeNamesOrIntoTheSummary() {
        ApiProblem closure = new ApiProblem(409, "evidence-of-impact-required", "Say what changed for children.", List.of());
        ApiProblem other = new ApiProblem(409, "illegal-transition", "Cannot sign off audit x.", List.of());

        assertThat(FormErrors.from(closure, Map.of("evidence-of-impact-required", "evidenceOfImpact")).of("evidenceOfImpact"))
                .isEqualTo("Say what changed for children.");
        FormErrors unplaced = FormErrors.from(other, Map.of());
        assertThat(unplaced.all()).singleElement().satisfies(error -> {
            assertThat(error.fieldId()).isNull();
            assertThat(error.href()).isEqualTo("#main-content");
        });
    }
}
