package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.Milestone;

/**
 * Where a themed audit is in its lifecycle; each step is reached only from the one before. Each
 * step names its action and its date as a refusal puts them to a person.
 */
public enum AuditStatus {
    PLANNED("planned", "plan", "planning date"),
    COMMISSIONED("commissioned", "commission", "day the tool is sent"),
    RETURNS_CLOSED("returns closed", "close the returns of", "final submission date"),
    ANALYSED("analysed", "record the analysis of", "analysis date"),
    CHALLENGE_DAY_HELD("challenge day held", "hold the challenge day of", "challenge day"),
    REPORT_DRAFTED("report drafted", "draft the report of", "draft date"),
    SIGNED_OFF("signed off", "sign off", "sign-off date"),
    MONITORING("monitoring", "start monitoring", "start of monitoring"),
    CLOSED("closed", "close", "closing date");

    private final String label;
    private final String action;
    private final String dateName;

    AuditStatus(String label, String action, String dateName) {
        this.label = label;
        this.action = action;
        this.dateName = dateName;
    }

    public String label() {
        return label;
    }

    /** What taking this step does to an audit, e.g. "close the returns of". */
    String action() {
        return action;
    }

    /** What the day of this step is called, e.g. "final submission date". */
    String dateName() {
        return dateName;
    }

    /** The step that reaches a planned milestone. */
    static AuditStatus reaching(Milestone milestone) {
        return switch (milestone) {
            case TOOL_SENT -> COMMISSIONED;
            case RETURNS_CLOSED -> RETURNS_CLOSED;
            case ANALYSED -> ANALYSED;
            case CHALLENGE_DAY -> CHALLENGE_DAY_HELD;
            case REPORT_DRAFTED -> REPORT_DRAFTED;
            case SIGNED_OFF -> SIGNED_OFF;
            case MONITORING_STARTED -> MONITORING;
            case CLOSED -> CLOSED;
        };
    }

    /** The step this one is reached from; {@code PLANNED} has none. */
    AuditStatus before() {
        return this == PLANNED ? null : values()[ordinal() - 1];
    }
}
