package io.maap.support.security;

import java.util.Optional;

/**
 * The roles a MAAP token can carry (claim {@code roles}). Agency-scoped roles come with the
 * agency the person works for (claim {@code agency}) and see only that agency's objects.
 */
public enum MaapRole {
    /** Reads the Board's views: scorecards, schedule, compliance, actions. */
    BOARD_MEMBER(false),
    /** Runs the programme: commissions audits, quality-assures returns, records findings and plans. */
    QA_COORDINATOR(false),
    /** Owns actions of their agency: reports progress and closes them with evidence. */
    LEAD_OFFICER(true),
    /** An agency's single point of contact: acknowledges, submits and tracks the agency's returns. */
    AGENCY_SPOC(true),
    /** An agency's independent auditor of a case: completes and submits the agency's returns. */
    AGENCY_AUDITOR(true),
    /**
     * Leads one audit (claim {@code audit}), e.g. the Chair of the Learning and Improvement
     * Sub-Group: reads that audit across every agency, nothing else ({@link AuditLeads}).
     */
    AUDIT_LEAD(false);

    private final boolean agencyScoped;

    MaapRole(boolean agencyScoped) {
        this.agencyScoped = agencyScoped;
    }

    public boolean agencyScoped() {
        return agencyScoped;
    }

    /** The Spring Security authority name ({@code ROLE_...}). */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<MaapRole> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalised = value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (normalised.startsWith("ROLE_")) {
            normalised = normalised.substring("ROLE_".length());
        }
        for (MaapRole role : values()) {
            if (role.name().equals(normalised)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
