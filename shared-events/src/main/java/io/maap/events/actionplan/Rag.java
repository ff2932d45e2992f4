package io.maap.events.actionplan;

/** The RAG status of an action's progress, as reported to the QA sub-group. */
public enum Rag {
    /** Off track: the action will not be delivered by its due date without intervention. */
    RED,
    /** At risk: progress is made but the due date or the impact is in doubt. */
    AMBER,
    /** On track. */
    GREEN
}
