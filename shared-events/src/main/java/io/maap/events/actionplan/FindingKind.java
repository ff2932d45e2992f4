package io.maap.events.actionplan;

/** Whether a finding is practice to recognise and spread, or practice that must improve. */
public enum FindingKind {
    GOOD_PRACTICE,
    AREA_FOR_IMPROVEMENT
}
