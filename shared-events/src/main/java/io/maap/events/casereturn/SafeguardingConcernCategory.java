package io.maap.events.casereturn;

/** Whom or what a safeguarding concern is about, as Hackney's audit process (seed 004) names them. */
public enum SafeguardingConcernCategory {
    /** An immediate risk to a child. */
    CHILD,
    /** An immediate risk to a vulnerable adult. */
    VULNERABLE_ADULT,
    /** Unsafe practice by a service or practitioner. */
    UNSAFE_PRACTICE
}
