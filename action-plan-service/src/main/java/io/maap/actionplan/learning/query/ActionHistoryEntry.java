package io.maap.actionplan.learning.query;

import io.maap.events.actionplan.Rag;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * One dated record in an action's history: a progress update, a request for one, a missed
 * update, the overdue flag, a proposed closure and its return, a closure or a reopening. Rows are only ever added.
 */
@Entity
@Table(name = "action_history")
public class ActionHistoryEntry {

    public enum Kind { PROGRESS_REPORTED, UPDATE_REQUESTED, UPDATE_MISSED, OVERDUE, CLOSED, REOPENED, CLOSURE_PROPOSED,
        CLOSURE_RETURNED }

    @Id
    private String eventId;
    private String auditId;
    private String actionId;
    @Column(name = "aggregate_sequence")
    private long sequence;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private LocalDate occurredOn;
    @Enumerated(EnumType.STRING)
    private Rag rag;
    @Column(length = 4000)
    private String note;
    private String recordedBy;
    private String roundId;

    protected ActionHistoryEntry() {
    }

    ActionHistoryEntry(String eventId, String auditId, String actionId, long sequence, Kind kind, LocalDate occurredOn,
                       Rag rag, String note, String recordedBy, String roundId) {
        this.eventId = eventId;
        this.auditId = auditId;
        this.actionId = actionId;
        this.sequence = sequence;
        this.kind = kind;
        this.occurredOn = occurredOn;
        this.rag = rag;
        this.note = note;
        this.recordedBy = recordedBy;
        this.roundId = roundId;
    }

    public String getActionId() {
        return actionId;
    }

    public long getSequence() {
        return sequence;
    }

    public Kind getKind() {
        return kind;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public Rag getRag() {
        return rag;
    }

    public String getNote() {
        return note;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getRoundId() {
        return roundId;
    }
}
