package io.maap.notification.rules.command;

/** The roles the contacts directory knows, and whether each belongs to an agency or an audit. */
public enum ContactRole {
    AGENCY_SPOC(true, false),
    SAFEGUARDING_LEAD(true, false),
    LEAD_OFFICER(true, false),
    QA_COORDINATOR(false, false),
    AUDIT_LEAD(false, true);

    private final boolean perAgency;
    private final boolean perAudit;

    ContactRole(boolean perAgency, boolean perAudit) {
        this.perAgency = perAgency;
        this.perAudit = perAudit;
    }

    public boolean perAgency() {
        return perAgency;
    }

    public boolean perAudit() {
        return perAudit;
    }
}
