package io.maap.casereturn.agency.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an agency system may publish on {@code maap.agency-submissions.v1}: the CloudEvents type
 * and the shape of {@code data}. Each message names the audit, case and agency of the return
 * request it concerns; the agency must also be the one named by the message's {@code source}.
 */
public final class AgencyMessages {

    static final String AGENCY = "^[a-z][a-z0-9-]{1,39}$";
    static final String CASE_REFERENCE = "^[A-Z]{2,6}(-[A-Z0-9]{1,10}){1,4}$";
    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    /** CloudEvents type → payload record. */
    public static final Map<String, Class<? extends AgencyMessage>> TYPES = Map.of(
            "maap.agency.return-submitted.v1", ReturnSubmission.class,
            "maap.agency.nil-return-submitted.v1", NilReturnSubmission.class,
            "maap.agency.return-request-acknowledged.v1", RequestAcknowledgement.class,
            "maap.agency.safeguarding-concern-acknowledged.v1", ConcernAcknowledgement.class);

    private AgencyMessages() {
    }

    /** Every agency message names the return request it concerns. */
    public sealed interface AgencyMessage permits ReturnSubmission, NilReturnSubmission, RequestAcknowledgement,
            ConcernAcknowledgement {

        String auditId();

        String caseReference();

        String agency();
    }

    /** {@code maap.agency.return-submitted.v1}: the agency's return, or its resubmission after a send-back. */
    public record ReturnSubmission(
            @NotBlank @Pattern(regexp = ID) String auditId,
            @NotBlank @Pattern(regexp = CASE_REFERENCE) String caseReference,
            @NotBlank @Pattern(regexp = AGENCY) String agency,
            @NotBlank @Size(max = 120) String submittedBy,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull AnswerData> answers) implements AgencyMessage {
    }

    public record AnswerData(
            @NotBlank @Size(max = 64) String questionId,
            @NotBlank(message = "must not be blank: where the records hold nothing, say \"no information held\"")
            @Size(max = 20_000) String answer,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> evidenceReferences,
            @Size(max = 200) List<@Valid @NotNull EntryData> entries,
            @Size(max = 60) String grade) {
    }

    public record EntryData(@NotNull LocalDate date, @NotBlank @Size(max = 4000) String entry) {
    }

    /** {@code maap.agency.nil-return-submitted.v1}: no involvement with the case in the twelve months before the audit. */
    public record NilReturnSubmission(
            @NotBlank @Pattern(regexp = ID) String auditId,
            @NotBlank @Pattern(regexp = CASE_REFERENCE) String caseReference,
            @NotBlank @Pattern(regexp = AGENCY) String agency,
            @NotBlank @Size(max = 120) String submittedBy) implements AgencyMessage {
    }

    /** {@code maap.agency.return-request-acknowledged.v1}: the SPOC's acknowledgement, naming case holder, line manager and auditor. */
    public record RequestAcknowledgement(
            @NotBlank @Pattern(regexp = ID) String auditId,
            @NotBlank @Pattern(regexp = CASE_REFERENCE) String caseReference,
            @NotBlank @Pattern(regexp = AGENCY) String agency,
            @NotBlank @Size(max = 120) String acknowledgedBy,
            @NotBlank @Size(max = 120) String caseHolder,
            @NotBlank @Size(max = 120) String lineManager,
            @Size(max = 120) String auditor) implements AgencyMessage {
    }

    /** {@code maap.agency.safeguarding-concern-acknowledged.v1}: the agency's response to a concern raised on its case. */
    public record ConcernAcknowledgement(
            @NotBlank @Pattern(regexp = ID) String auditId,
            @NotBlank @Pattern(regexp = CASE_REFERENCE) String caseReference,
            @NotBlank @Pattern(regexp = AGENCY) String agency,
            @NotBlank @Size(max = 64) String concernId,
            @NotBlank @Size(max = 120) String acknowledgedBy,
            @NotBlank @Size(max = 4000) String response) implements AgencyMessage {
    }
}
