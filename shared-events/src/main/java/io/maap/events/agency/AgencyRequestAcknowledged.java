package io.maap.events.agency;

import io.maap.events.EventType;
import io.maap.events.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Inbound from an agency system: the SPOC acknowledges a return request, naming the case holder
 * and the line manager with casework responsibility, and optionally the auditor, who must be
 * neither of them.
 *
 * @param auditId        the audit
 * @param caseReference  the pseudonymised case reference
 * @param agency         the agency code; must match the message's source
 * @param acknowledgedBy the SPOC
 * @param caseHolder     the practitioner holding the case, or "none"
 * @param lineManager    the line manager with casework responsibility, or "none"
 * @param auditor        the independent auditor, if already chosen
 */
@EventType(name = "maap.agency.return-request-acknowledged", version = 1)
public record AgencyRequestAcknowledged(
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.ID) String auditId,
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.CASE_REFERENCE) String caseReference,
        @NotBlank @Pattern(regexp = AgencySubmission.Formats.AGENCY) String agency,
        @NotBlank @Size(max = 120) String acknowledgedBy,
        @NotBlank @Size(max = 120) String caseHolder,
        @NotBlank @Size(max = 120) String lineManager,
        @Nullable @Size(max = 120) String auditor) implements AgencySubmission {
}
