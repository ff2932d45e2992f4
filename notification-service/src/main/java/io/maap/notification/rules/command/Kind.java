package io.maap.notification.rules.command;

/** What a notification tells. Part of its key: one source event may tell one person two different things. */
public enum Kind {
    TOOL_SENT,
    REMINDER,
    OVERDUE_DIGEST,
    SENT_BACK,
    EXTENSION_GRANTED,
    SAFEGUARDING_CONCERN,
    SAFEGUARDING_ESCALATION,
    CHALLENGE_DAY_SCHEDULED,
    CHALLENGE_DAY_MOVED,
    CHALLENGE_DAY_AGENDA_SENT,
    ACTION_PLAN_DISSEMINATED,
    ACTION_UPDATE_REQUESTED,
    ACTION_UPDATE_MISSED,
    ACTION_OVERDUE
}
