package io.maap.reporting.businessplan.query;

import io.maap.events.auditprogramme.AuditLearningDisseminated;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet;
import io.maap.events.auditprogramme.BusinessPlanAdopted;
import io.maap.events.auditprogramme.BusinessPlanItemLinked;
import io.maap.events.auditprogramme.BusinessPlanPriorityRated;
import io.maap.reporting.projection.query.Projection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.support.messaging.IncomingEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The Board's business plans and what audits did for them: each plan with its priorities and
 * actions and every quarterly RAG rating in the order given ({@link #PLANS}); the audits,
 * findings and actions linked to each priority ({@link #LINKS}); and each audit's success
 * measures with every evaluation, and where its learning was sent ({@link #AUDIT_LEARNING}).
 */
@Component
public class BusinessPlanProjection implements Projection {

    public static final String PLANS = "business_plans";
    public static final String LINKS = "business_plan_links";
    public static final String AUDIT_LEARNING = "audit_learning";

    @Override
    public void apply(IncomingEvent event, ProjectionStore store) {
        Object payload = event.payload();
        if (payload instanceof BusinessPlanAdopted e) {
            store.applyInOrder(PLANS, e.planId(), event.requiredSequence(), new Update()
                    .set("planId", e.planId())
                    .set("partnership", e.partnership())
                    .set("title", e.title())
                    .set("periodStart", e.periodStart().toString())
                    .set("periodEnd", e.periodEnd().toString())
                    .set("adoptedOn", e.adoptedOn().toString())
                    .set("adoptedBy", e.adoptedBy())
                    .set("recordedBy", e.recordedBy())
                    .set("priorities", e.priorities().stream().map(BusinessPlanProjection::priority).toList()));
        } else if (payload instanceof BusinessPlanPriorityRated e) {
            store.applyInOrder(PLANS, e.planId(), event.requiredSequence(), new Update()
                    .push("ratings", new Document("priorityId", e.priorityId()).append("quarter", e.quarter())
                            .append("rag", e.rag().name()).append("reason", e.reason()).append("ratedOn", e.ratedOn().toString())
                            .append("ratedBy", e.ratedBy()).append("recordedBy", e.recordedBy())));
        } else if (payload instanceof BusinessPlanItemLinked e) {
            store.applyInOrder(LINKS, linkKey(e), event.requiredSequence(), new Update()
                    .set("planId", e.planId())
                    .set("priorityId", e.priorityId())
                    .set("kind", e.kind().name())
                    .set("auditId", e.auditId())
                    .set("itemId", e.itemId())
                    .set("linkedOn", e.linkedOn().toString())
                    .set("linkedBy", e.linkedBy()));
        } else if (payload instanceof AuditSuccessMeasuresSet e) {
            store.applyInOrder(AUDIT_LEARNING, e.auditId(), event.requiredSequence(), new Update()
                    .set("auditId", e.auditId())
                    .set("programmeId", e.programmeId())
                    .set("measures", e.measures().stream()
                            .map(m -> new Document("measureId", m.measureId()).append("description", m.description())).toList())
                    .set("measuresSetBy", e.setBy()));
        } else if (payload instanceof AuditSuccessMeasureEvaluated e) {
            store.applyInOrder(AUDIT_LEARNING, e.auditId(), event.requiredSequence(), new Update()
                    .set("auditId", e.auditId())
                    .set("programmeId", e.programmeId())
                    .push("evaluations", new Document("measureId", e.measureId()).append("outcome", e.outcome().name())
                            .append("evidence", e.evidence()).append("evaluatedOn", e.evaluatedOn().toString())
                            .append("evaluatedBy", e.evaluatedBy()).append("recordedBy", e.recordedBy())));
        } else if (payload instanceof AuditLearningDisseminated e) {
            store.applyInOrder(AUDIT_LEARNING, e.auditId(), event.requiredSequence(), new Update()
                    .set("auditId", e.auditId())
                    .set("programmeId", e.programmeId())
                    .push("disseminations", new Document("disseminationId", e.disseminationId())
                            .append("channel", e.channel().name()).append("what", e.what()).append("sentTo", e.sentTo())
                            .append("sentOn", e.sentOn().toString()).append("recordedBy", e.recordedBy())));
        }
    }

    /** A link's document id: a priority holds each audit, finding or action once. */
    public static String linkKey(BusinessPlanItemLinked link) {
        return String.join("/", link.planId(), link.priorityId(), link.kind().name(), link.auditId(),
                link.itemId() == null ? "" : link.itemId());
    }

    private static Document priority(BusinessPlanAdopted.Priority priority) {
        List<Document> actions = priority.actions().stream().map(a -> new Document("actionId", a.actionId())
                .append("ref", a.ref()).append("action", a.action()).append("lead", a.lead())
                .append("howAchieved", a.howAchieved()).append("measure", a.measure()).append("byWhen", a.byWhen())).toList();
        return new Document("priorityId", priority.priorityId()).append("strategicTheme", priority.strategicTheme())
                .append("title", priority.title()).append("actions", actions);
    }
}
