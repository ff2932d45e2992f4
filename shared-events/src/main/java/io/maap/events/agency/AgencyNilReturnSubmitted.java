package io.maap.events.agency;

import io.maap.events.EventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Inbound from an agency system: a nil return, declaring no involvement with the case in the
 * twelve months before the audit.
 *
 * @param auditId       the audit
 * @param caseReference the pseudonymised case reference
 * @param agency        the agency code; must match the message's source
 * @param submittedBy   the person declaring it
 */
@EventType(name = "maap.agency.nil-return-submitted", version = 1)
public record AgencyNilReturnSubmitted(
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.ID) String auditId,
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.CASE_REFERENCE) String caseReference,
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.AGENCY) String agency,
        @NotBlank @Size(max = 120) String submittedBy) implements AgencySubmission {
}
