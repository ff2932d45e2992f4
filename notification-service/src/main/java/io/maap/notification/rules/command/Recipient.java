package io.maap.notification.rules.command;

/**
 * Who is to be told, as a role: the directory turns it into people. {@code agency} is set for
 * agency roles, {@code auditId} for an audit's lead.
 */
public record Recipient(ContactRole role, String agency, String auditId) {

    public static Recipient spoc(String agency) {
        return new Recipient(ContactRole.AGENCY_SPOC, agency, null);
    }

    public static Recipient safeguardingLead(String agency) {
        return new Recipient(ContactRole.SAFEGUARDING_LEAD, agency, null);
    }

    public static Recipient leadOfficer(String agency) {
        return new Recipient(ContactRole.LEAD_OFFICER, agency, null);
    }

    public static Recipient qaCoordinator() {
        return new Recipient(ContactRole.QA_COORDINATOR, null, null);
    }

    public static Recipient auditLead(String auditId) {
        return new Recipient(ContactRole.AUDIT_LEAD, null, auditId);
    }

    /** How the recipient reads when no one holds the role, e.g. "AGENCY_SPOC of met-police". */
    public String describe() {
        return role + (agency != null ? " of " + agency : "") + (auditId != null ? " of audit " + auditId : "");
    }
}
