package io.maap.auditprogramme.audit.command;

/** Where a themed audit is in its lifecycle; each step is reached only from the one before. */
public enum AuditStatus {
    PLANNED("planned"),
    COMMISSIONED("commissioned"),
    RETURNS_CLOSED("returns closed"),
    ANALYSED("analysed"),
    CHALLENGE_DAY_HELD("challenge day held"),
    REPORT_DRAFTED("report drafted"),
    SIGNED_OFF("signed off"),
    MONITORING("monitoring"),
    CLOSED("closed");

    private final String label;

    AuditStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
