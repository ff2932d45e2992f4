package io.maap.events.agency;

import io.maap.events.EventType;
import io.maap.events.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Inbound from an agency system: the agency's return on one case, or its resubmission after the
 * partnership sent it back. Every question of the audit tool must be answered; where the agency's
 * records hold nothing, the answer says "no information held".
 *
 * @param auditId      the audit
 * @param caseReference the pseudonymised case reference
 * @param agency       the agency code; must match the message's source
 * @param submittedBy  the person submitting, as the agency's records name them
 * @param answers      one answer per question of the audit tool
 */
@EventType(name = "maap.agency.return-submitted", version = 1)
public record AgencyReturnSubmitted(
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.ID) String auditId,
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.CASE_REFERENCE) String caseReference,
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.AGENCY) String agency,
        @NotBlank @Size(max = 120) String submittedBy,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Answer> answers) implements AgencySubmission {

    public AgencyReturnSubmitted {
        answers = answers == null ? null : List.copyOf(answers);
    }

    /** The answer to one question, with the evidence it rests on and dated entries from the record. */
    public record Answer(
            @NotBlank @Size(max = 64) String questionId,
            @NotBlank(message = "must not be blank: where the records hold nothing, say \"no information held\"")
            @Size(max = 20_000) String answer,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 200) String> evidenceReferences,
            @Nullable @Size(max = 200) List<@Valid @NotNull Entry> entries,
            @Nullable @Size(max = 60) String grade) {
    }

    /** A dated entry from the agency's record. */
    public record Entry(@NotNull LocalDate date, @NotBlank @Size(max = 4000) String entry) {
    }
}
