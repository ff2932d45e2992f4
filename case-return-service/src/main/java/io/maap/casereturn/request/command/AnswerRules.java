package io.maap.casereturn.request.command;

import io.maap.casereturn.request.event.Answer;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.support.domain.RuleViolation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What makes a return complete: an answer to every question of the tool, none blank, graded where the tool grades ({@link Grades}). */
final class AnswerRules {

    private AnswerRules() {
    }

    static void check(List<AuditQuestion> questions, Grades grades, List<Answer> answers, LocalDate submittedOn) {
        Map<String, AuditQuestion> byId = questions.stream()
                .collect(Collectors.toMap(AuditQuestion::questionId, Function.identity()));
        Set<String> answered = new HashSet<>();
        for (Answer answer : answers) {
            AuditQuestion question = byId.get(answer.questionId());
            if (question == null) {
                throw new RuleViolation("unknown-question", "The audit tool has no question '" + answer.questionId() + "'.");
            }
            if (!answered.add(answer.questionId())) {
                throw new RuleViolation("question-answered-twice", "Question '" + answer.questionId() + "' is answered twice.");
            }
            if (answer.answer() == null || answer.answer().isBlank()) {
                throw new RuleViolation("blank-answer", "Question '" + answer.questionId()
                        + "' has a blank answer; where the records hold nothing, say \"no information held\".");
            }
            grades.check(question, answer);
            for (Answer.DatedEntry entry : answer.entries()) {
                if (entry.date() == null || entry.entry() == null || entry.entry().isBlank()) {
                    throw new RuleViolation("undated-entry", "Every entry under question '" + answer.questionId()
                            + "' needs a date and a text.");
                }
                if (entry.date().isAfter(submittedOn)) {
                    throw new RuleViolation("entry-in-the-future", "An entry under question '" + answer.questionId()
                            + "' is dated " + entry.date() + ", after the day of submission.");
                }
            }
        }
        List<String> missing = questions.stream().map(AuditQuestion::questionId).filter(id -> !answered.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolation("question-unanswered", "Every question of the audit tool must be answered; missing: "
                    + String.join(", ", missing) + ".");
        }
    }
}
