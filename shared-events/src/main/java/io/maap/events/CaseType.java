package io.maap.events;

/** The statutory status of a sampled case when the audit was commissioned. */
public enum CaseType {
    CHILD_PROTECTION,
    LOOKED_AFTER,
    CHILD_IN_NEED,
    EARLY_HELP,
    OTHER
}
