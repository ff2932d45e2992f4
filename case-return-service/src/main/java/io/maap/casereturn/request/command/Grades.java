package io.maap.casereturn.request.command;

import io.maap.casereturn.request.event.Answer;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.support.domain.RuleViolation;

import java.util.List;
import java.util.Locale;

/**
 * Grades on the audit's scale: a graded question needs a grade, an ungraded one takes none, and a
 * grade is one of the scale's, matched without regard to case and kept as the scale spells it.
 * Without a scale (an audit commissioned without one) a graded question takes any grade.
 */
final class Grades {

    private final List<String> scale;

    Grades(List<String> scale) {
        this.scale = scale == null || scale.isEmpty() ? null : scale;
    }

    /** The answers with each grade as the scale spells it, where it matches one; others as given. */
    List<Answer> asOnTheScale(List<Answer> answers) {
        return answers.stream().map(a -> a.grade() == null ? a : new Answer(a.questionId(), a.answer(),
                a.evidenceReferences(), a.entries(), label(a.grade()))).toList();
    }

    void check(AuditQuestion question, Answer answer) {
        if (answer.grade() != null && !question.graded()) {
            throw new RuleViolation("grade-not-asked", "Question '" + answer.questionId() + "' is not graded.");
        }
        if (question.graded() && (answer.grade() == null || answer.grade().isBlank())) {
            throw new RuleViolation("grade-missing", "Question '" + answer.questionId() + "' is graded: give a grade"
                    + (scale == null ? "." : " (" + String.join(", ", scale) + ")."));
        }
        if (question.graded() && scale != null && !scale.contains(answer.grade())) {
            throw new RuleViolation("grade-not-on-scale", "'" + answer.grade() + "' is not a grade of this audit; use one of: "
                    + String.join(", ", scale) + ".");
        }
    }

    private String label(String grade) {
        if (scale == null) {
            return grade;
        }
        String wanted = grade.strip().toLowerCase(Locale.ROOT);
        return scale.stream().filter(g -> g.toLowerCase(Locale.ROOT).equals(wanted)).findFirst().orElse(grade);
    }
}
