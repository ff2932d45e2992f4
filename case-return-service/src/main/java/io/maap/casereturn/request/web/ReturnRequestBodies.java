package io.maap.casereturn.request.web;

import io.maap.casereturn.request.event.Answer;
import io.maap.events.casereturn.SafeguardingConcernCategory;
import io.maap.support.web.Patterns;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the return-request API. People are named as their records name them; children never are. */
final class ReturnRequestBodies {

    private ReturnRequestBodies() {
    }

    record Acknowledgement(@NotBlank @Size(max = 120) String acknowledgedBy,
                           @NotBlank @Size(max = 120) String caseHolder,
                           @NotBlank @Size(max = 120) String lineManager,
                           @Size(max = 120) String auditor,
                           @Schema(description = "The auditor's account (the subject of their token, e.g. auditor.met-police) when they have one: "
                                   + "their submissions are then recorded as theirs, another user's as that user's")
                           @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String auditorUserId) {
    }

    record Nomination(@NotBlank @Size(max = 120) String auditor, @NotBlank @Size(max = 120) String nominatedBy,
                      @Schema(description = "The auditor's account (the subject of their token, e.g. auditor.met-police) when they have one: "
                              + "their submissions are then recorded as theirs, another user's as that user's")
                      @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String auditorUserId) {
    }

    record Submission(@NotBlank @Size(max = 120) String submittedBy,
                      @NotEmpty @Size(max = 100) List<@NotNull @Valid AnswerBody> answers,
                      @Schema(description = "The day the partnership received a return it enters afterwards (on paper, "
                              + "by secure email, a past year's returns); the QA coordinator only; leave out for a return arriving now")
                      LocalDate receivedOn) {

        List<Answer> toAnswers() {
            return answers.stream().map(AnswerBody::toAnswer).toList();
        }
    }

    record AnswerBody(@NotBlank @Size(max = 64) String questionId,
                      @NotBlank(message = "must not be blank: where the records hold nothing, say \"no information held\"")
                      @Size(max = 20_000) String answer,
                      @Size(max = 50) List<@NotBlank @Size(max = 200) String> evidenceReferences,
                      @Size(max = 200) List<@NotNull @Valid DatedEntryBody> entries,
                      @Size(max = 60) String grade) {

        Answer toAnswer() {
            return new Answer(questionId, answer.strip(), evidenceReferences,
                    entries == null ? List.of() : entries.stream().map(e -> new Answer.DatedEntry(e.date(), e.entry().strip())).toList(),
                    grade == null || grade.isBlank() ? null : grade.strip());
        }
    }

    record DatedEntryBody(@NotNull LocalDate date, @NotBlank @Size(max = 4000) String entry) {
    }

    record NilReturn(@NotBlank @Size(max = 120) String submittedBy,
                     @Schema(description = "The day the partnership received a nil return it enters afterwards; the QA "
                             + "coordinator only; leave out for one arriving now")
                     LocalDate receivedOn) {
    }

    record Acceptance(@Positive int version, @NotBlank @Size(max = 120) String acceptedBy) {
    }

    record SendBack(@Positive int version, @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 4000) String> reasons,
                    @NotBlank @Size(max = 120) String sentBackBy) {
    }

    record Extension(@NotNull LocalDate newDueDate, @NotBlank @Size(max = 2000) String reason,
                     @NotBlank @Size(max = 120) String approvedBy) {
    }

    record Concern(@Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") String concernId,
                   @NotBlank @Size(max = 120) String raisedBy, @NotBlank @Size(max = 4000) String summary,
                   SafeguardingConcernCategory category,
                   @Size(max = 30) List<@NotNull @Pattern(regexp = Patterns.AGENCY, message = Patterns.AGENCY_MESSAGE) String> agenciesToInform) {
    }

    record ConcernAcknowledgement(@NotBlank @Size(max = 120) String acknowledgedBy,
                                  @NotBlank @Size(max = 4000) String response) {
    }
}
