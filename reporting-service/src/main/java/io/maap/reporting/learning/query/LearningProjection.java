package io.maap.reporting.learning.query;

import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionPlanAgreed;
import io.maap.events.actionplan.ActionPlanDisseminated;
import io.maap.events.actionplan.ActionPlanDrafted;
import io.maap.events.actionplan.ActionPlanEvent;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.ActionReopened;
import io.maap.events.actionplan.ActionUpdateMissed;
import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.events.actionplan.GoodPracticeRecognised;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.Projection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.support.messaging.IncomingEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What audits taught: findings by aspect and kind, action plans, and actions with their whole
 * monitoring history (every progress report, missed update, overdue flag, closure and reopening).
 * Documents are keyed by audit and id ({@link #key}) and carry the id itself in
 * {@code findingId}, {@code planId} or {@code actionId}.
 */
@Component
public class LearningProjection implements Projection {

    public static final String FINDINGS = "findings";
    public static final String PLANS = "action_plans";
    public static final String ACTIONS = "actions";

    @Override
    public void apply(IncomingEvent event, ProjectionStore store) {
        Object payload = event.payload();
        if (!(payload instanceof ActionPlanEvent)) {
            return;
        }
        long sequence = event.requiredSequence();
        if (payload instanceof FindingRecorded e) {
            finding(store, e.programmeId(), key(e.auditId(), e.findingId()), sequence, new Update()
                    .set("auditId", e.auditId())
                    .set("programmeId", e.programmeId())
                    .set("findingId", e.findingId())
                    .set("aspect", e.aspect())
                    .set("aspectLabel", e.aspectLabel())
                    .set("kind", e.kind().name())
                    .set("agencies", e.agencies())
                    .set("summary", e.summary())
                    .set("recommendation", e.recommendation())
                    .set("recordedOn", e.recordedOn().toString())
                    .setOnInsert("recognised", false));
        } else if (payload instanceof GoodPracticeRecognised e) {
            finding(store, e.programmeId(), key(e.auditId(), e.findingId()), sequence, new Update()
                    .set("recognised", true).set("recognisedOn", e.recognisedOn().toString()));
        } else if (payload instanceof ActionPlanDrafted e) {
            store.applyInOrder(PLANS, key(e.auditId(), e.planId()), sequence, new Update()
                    .set("planId", e.planId())
                    .set("auditId", e.auditId()).set("programmeId", e.programmeId()).set("agency", e.agency())
                    .set("title", e.title()).set("status", "DRAFTED").set("draftedOn", e.draftedOn().toString()));
        } else if (payload instanceof ActionPlanAgreed e) {
            store.applyInOrder(PLANS, key(e.auditId(), e.planId()), sequence, new Update()
                    .set("status", "AGREED").set("agreedOn", e.agreedOn().toString()).set("agreedBy", e.agreedBy()));
        } else if (payload instanceof ActionPlanDisseminated e) {
            store.applyInOrder(PLANS, key(e.auditId(), e.planId()), sequence, new Update()
                    .set("status", "DISSEMINATED").set("disseminatedOn", e.disseminatedOn().toString()));
        } else if (payload instanceof ActionAdded e) {
            action(store, e.programmeId(), key(e.auditId(), e.actionId()), sequence, new Update()
                    .set("actionId", e.actionId())
                    .set("planId", e.planId())
                    .set("auditId", e.auditId())
                    .set("programmeId", e.programmeId())
                    .set("description", e.description())
                    .set("owningAgency", e.owningAgency())
                    .set("lead", e.lead())
                    .set("dueDate", e.dueDate().toString())
                    .set("addressesFindings", e.addressesFindings())
                    .set("successMeasure", e.successMeasure())
                    .set("addedOn", e.addedOn().toString())
                    .set("open", true)
                    .set("overdueFlagged", false)
                    .set("updatesMissed", 0)
                    .push("history", entry("ADDED", e.addedOn().toString(), null, null, null)));
        } else if (payload instanceof ActionProgressReported e) {
            action(store, e.programmeId(), key(e.auditId(), e.actionId()), sequence, new Update()
                    .set("rag", e.rag().name())
                    .set("lastReportedOn", e.reportedOn().toString())
                    .push("history", entry("PROGRESS", e.reportedOn().toString(), e.rag().name(), e.note(), e.reportedBy())));
        } else if (payload instanceof ActionUpdateRequested e) {
            action(store, e.programmeId(), key(e.auditId(), e.actionId()), sequence, new Update()
                    .push("history", entry("UPDATE_REQUESTED", e.requestedOn().toString(), null,
                            "Update due by " + e.updateDueBy(), null)));
        } else if (payload instanceof ActionUpdateMissed e) {
            action(store, e.programmeId(), key(e.auditId(), e.actionId()), sequence, new Update()
                    .inc("updatesMissed", 1)
                    .push("history", entry("UPDATE_MISSED", e.updateDueBy().toString(), null, null, null)));
        } else if (payload instanceof ActionOverdue e) {
            action(store, e.programmeId(), key(e.auditId(), e.actionId()), sequence, new Update()
                    .set("overdueFlagged", true)
                    .push("history", entry("OVERDUE", e.dueDate().toString(), null, null, null)));
        } else if (payload instanceof ActionClosed e) {
            action(store, e.programmeId(), key(e.auditId(), e.actionId()), sequence, new Update()
                    .set("open", false)
                    .set("closedOn", e.closedOn().toString())
                    .set("evidenceOfImpact", e.evidenceOfImpact())
                    .push("history", entry("CLOSED", e.closedOn().toString(), null, e.evidenceOfImpact(), e.closedBy())));
        } else if (payload instanceof ActionReopened e) {
            action(store, e.programmeId(), key(e.auditId(), e.actionId()), sequence, new Update()
                    .set("open", true)
                    .unset("closedOn")
                    .push("history", entry("REOPENED", e.reopenedOn().toString(), null, e.reason(), e.reopenedBy())));
        }
    }

    /**
     * The finding's document, then its entry among its programme's ({@link ProgrammeFigures}). Every
     * event sets the programme on the document, as on the entry's: a rebuild writes the figures from
     * the documents ({@link ProjectionStore#batchingAsOnlyWriterFiguresLast()}). So do actions'.
     */
    private static void finding(ProjectionStore store, String programmeId, String key, long sequence, Update update) {
        store.applyInOrder(FINDINGS, key, sequence, ProgrammeFigures.named(update, programmeId));
        ProgrammeFigures.apply(store, programmeId, ProgrammeFigures.FINDINGS, key, sequence, update, ProgrammeFigures.FINDING_FIELDS);
    }

    private static void action(ProjectionStore store, String programmeId, String key, long sequence, Update update) {
        store.applyInOrder(ACTIONS, key, sequence, ProgrammeFigures.named(update, programmeId));
        ProgrammeFigures.apply(store, programmeId, ProgrammeFigures.ACTIONS, key, sequence, update, ProgrammeFigures.ACTION_FIELDS);
    }

    /**
     * A finding's, plan's or action's document id: the ids clients choose are unique within
     * their audit only, so the audit is part of the key.
     */
    public static String key(String auditId, String id) {
        return auditId + "/" + id;
    }

    private static Document entry(String kind, String on, String rag, String note, String by) {
        Document entry = new Document("kind", kind).append("on", on);
        if (rag != null) {
            entry.append("rag", rag);
        }
        if (note != null) {
            entry.append("note", note);
        }
        if (by != null) {
            entry.append("by", by);
        }
        return entry;
    }
}
