package io.maap.events.agency;

import io.maap.events.EventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Inbound from an agency system: the agency's response to an immediate safeguarding concern an
 * auditor raised on its case, which stays urgent until this arrives.
 *
 * @param auditId        the audit
 * @param caseReference  the pseudonymised case reference
 * @param agency         the agency code; must match the message's source
 * @param concernId      the concern, as given in maap.safeguarding-concern.raised
 * @param acknowledgedBy who responded for the agency
 * @param response       what the agency did
 */
@EventType(name = "maap.agency.safeguarding-concern-acknowledged", version = 1)
public record AgencyConcernAcknowledged(
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.ID) String auditId,
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.CASE_REFERENCE) String caseReference,
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.AGENCY) String agency,
        @NotBlank @Size(max = 64) String concernId,
        @NotBlank @Size(max = 120) String acknowledgedBy,
        @NotBlank @Size(max = 4000) String response) implements AgencySubmission {
}
