package io.maap.reporting.businessplan.query;

import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.support.calendar.Lateness;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The business-plan views, from the documents of {@link BusinessPlanProjection}, the audits, the
 * findings and the actions; "as of" a date, each read as it stood then (ratings given, items
 * linked, findings recorded, actions added, evaluations made and learning sent by then).
 */
@Component
public class BusinessPlanViews {

    private final Lateness lateness;

    public BusinessPlanViews(Lateness lateness) {
        this.lateness = lateness;
    }

    /** One quarterly RAG rating of a priority: who rated it, when and why, and who entered it. */
    public record Rating(String priorityId, int quarter, String rag, String reason, LocalDate ratedOn, String ratedBy,
                         String recordedBy) {
    }

    /** An action of the plan as the plan words it. */
    public record PlanAction(String actionId, String ref, String action, String lead, String howAchieved, String measure,
                             String byWhen) {
    }

    /** A priority with its actions, its current RAG (the latest rating of the latest quarter rated) and every rating. */
    public record PriorityView(String priorityId, String strategicTheme, String title, List<PlanAction> actions,
                               String currentRag, Integer currentQuarter, List<Rating> history, List<Link> links) {
    }

    /** An audit, finding or action linked to a priority. */
    public record Link(String kind, String auditId, String itemId, LocalDate linkedOn, String linkedBy) {
    }

    /** The business-plan view. */
    public record PlanView(String planId, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                           LocalDate adoptedOn, String adoptedBy, String recordedBy, List<PriorityView> priorities,
                           LocalDate seenOn) {
    }

    /** A plan in the list of plans. */
    public record PlanSummary(String planId, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                              LocalDate adoptedOn, int priorities) {
    }

    /** An audit linked to a priority, with its title and stage. */
    public record LinkedAudit(String auditId, String title, String stage) {
    }

    /**
     * One row of the scorecard by priority: the priority's RAG in each quarter (the latest rating
     * of that quarter, null when unrated) and now, the audits linked to it (directly, or through a
     * linked finding or action) with their stage, the findings linked to it by kind, and the
     * actions linked to it: open, overdue (the one definition of lateness), closed.
     */
    public record PriorityScore(String priorityId, String strategicTheme, String title, int planActions,
                                Map<String, String> ragByQuarter, String currentRag, LocalDate lastRatedOn,
                                String lastReason, List<LinkedAudit> audits, int auditsClosed,
                                int areasForImprovement, int goodPractice, int actionsOpen, int actionsOverdue,
                                int actionsClosed) {
    }

    /** The scorecard by priority. */
    public record Scorecard(String planId, String title, LocalDate seenOn, List<PriorityScore> priorities) {
    }

    public List<PlanSummary> plans(ViewStores.View view) {
        return Documents.find(view.store(), BusinessPlanProjection.PLANS, new Criteria()).stream()
                .filter(p -> view.asOf() == null || AsOf.happenedBy(p, "adoptedOn", view.asOf()))
                .map(p -> new PlanSummary(p.getString("planId"), p.getString("partnership"), p.getString("title"),
                        Documents.date(p, "periodStart"), Documents.date(p, "periodEnd"), Documents.date(p, "adoptedOn"),
                        p.getList("priorities", Document.class, List.of()).size()))
                .sorted(Comparator.comparing(PlanSummary::periodStart).reversed().thenComparing(PlanSummary::planId))
                .toList();
    }

    public Optional<PlanView> plan(ViewStores.View view, String planId) {
        return document(view, planId).map(plan -> {
            List<Rating> ratings = ratings(plan, view.asOf());
            List<Document> links = links(view, planId);
            List<PriorityView> priorities = plan.getList("priorities", Document.class, List.of()).stream().map(p -> {
                String id = p.getString("priorityId");
                List<Rating> history = ratings.stream().filter(r -> r.priorityId().equals(id)).toList();
                Rating current = current(history);
                return new PriorityView(id, p.getString("strategicTheme"), p.getString("title"),
                        p.getList("actions", Document.class, List.of()).stream()
                                .map(a -> new PlanAction(a.getString("actionId"), a.getString("ref"), a.getString("action"),
                                        a.getString("lead"), a.getString("howAchieved"), a.getString("measure"),
                                        a.getString("byWhen"))).toList(),
                        current == null ? null : current.rag(), current == null ? null : current.quarter(), history,
                        links.stream().filter(l -> id.equals(l.getString("priorityId")))
                                .map(l -> new Link(l.getString("kind"), l.getString("auditId"), l.getString("itemId"),
                                        Documents.date(l, "linkedOn"), l.getString("linkedBy"))).toList());
            }).toList();
            return new PlanView(planId, plan.getString("partnership"), plan.getString("title"),
                    Documents.date(plan, "periodStart"), Documents.date(plan, "periodEnd"), Documents.date(plan, "adoptedOn"),
                    plan.getString("adoptedBy"), plan.getString("recordedBy"), priorities, view.today());
        });
    }

    public Optional<Scorecard> scorecard(ViewStores.View view, String planId) {
        return document(view, planId).map(plan -> {
            List<Rating> ratings = ratings(plan, view.asOf());
            List<Document> links = links(view, planId);
            TreeSet<String> auditIds = links.stream().map(l -> l.getString("auditId")).collect(Collectors.toCollection(TreeSet::new));
            Map<String, Document> audits = new LinkedHashMap<>();
            Map<String, Document> findings = new LinkedHashMap<>();
            Map<String, Document> actions = new LinkedHashMap<>();
            if (!auditIds.isEmpty()) {
                Criteria inAudits = Criteria.where("auditId").in(auditIds);
                Documents.find(view.store(), AuditsProjection.AUDITS, Criteria.where("_id").in(auditIds))
                        .forEach(a -> audits.put(a.getString("_id"), view.asOf() == null ? a : AsOf.audit(a, view.asOf())));
                Documents.find(view.store(), LearningProjection.FINDINGS, inAudits).stream()
                        .filter(f -> view.asOf() == null || AsOf.happenedBy(f, "recordedOn", view.asOf()))
                        .forEach(f -> findings.put(LearningProjection.key(f.getString("auditId"), f.getString("findingId")), f));
                Documents.find(view.store(), LearningProjection.ACTIONS, inAudits).stream()
                        .map(a -> view.asOf() == null ? a : AsOf.action(a, view.asOf())).filter(Objects::nonNull)
                        .forEach(a -> actions.put(LearningProjection.key(a.getString("auditId"), a.getString("actionId")), a));
            }
            List<PriorityScore> rows = plan.getList("priorities", Document.class, List.of()).stream().map(p -> {
                String id = p.getString("priorityId");
                List<Rating> history = ratings.stream().filter(r -> r.priorityId().equals(id)).toList();
                Map<String, String> byQuarter = new TreeMap<>();
                for (int quarter = 1; quarter <= 4; quarter++) {
                    int q = quarter;
                    byQuarter.put("Q" + q, history.stream().filter(r -> r.quarter() == q).reduce((a, b) -> b)
                            .map(Rating::rag).orElse(null));
                }
                Rating current = current(history);
                Rating last = history.isEmpty() ? null : history.get(history.size() - 1);
                List<Document> mine = links.stream().filter(l -> id.equals(l.getString("priorityId"))).toList();
                List<LinkedAudit> linkedAudits = mine.stream().map(l -> l.getString("auditId")).distinct().sorted()
                        .map(a -> audits.containsKey(a)
                                ? new LinkedAudit(a, audits.get(a).getString("title"), audits.get(a).getString("stage"))
                                : new LinkedAudit(a, null, null)).toList();
                List<Document> myFindings = linked(mine, "FINDING", findings);
                List<Document> myActions = linked(mine, "ACTION", actions);
                return new PriorityScore(id, p.getString("strategicTheme"), p.getString("title"),
                        p.getList("actions", Document.class, List.of()).size(), byQuarter,
                        current == null ? null : current.rag(), last == null ? null : last.ratedOn(),
                        last == null ? null : last.reason(), linkedAudits,
                        (int) linkedAudits.stream().filter(a -> "CLOSED".equals(a.stage())).count(),
                        (int) myFindings.stream().filter(f -> "AREA_FOR_IMPROVEMENT".equals(f.getString("kind"))).count(),
                        (int) myFindings.stream().filter(f -> "GOOD_PRACTICE".equals(f.getString("kind"))).count(),
                        (int) myActions.stream().filter(a -> Documents.flag(a, "open")).count(),
                        (int) myActions.stream().filter(a -> Documents.flag(a, "open") && Documents.date(a, "dueDate") != null
                                && lateness.isOverdue(Documents.date(a, "dueDate"), view.today())).count(),
                        (int) myActions.stream().filter(a -> !Documents.flag(a, "open")).count());
            }).toList();
            return new Scorecard(planId, plan.getString("title"), view.today(), rows);
        });
    }

    private static List<Document> linked(List<Document> links, String kind, Map<String, Document> items) {
        return links.stream().filter(l -> kind.equals(l.getString("kind")))
                .map(l -> items.get(LearningProjection.key(l.getString("auditId"), l.getString("itemId"))))
                .filter(Objects::nonNull).toList();
    }

    private static Optional<Document> document(ViewStores.View view, String planId) {
        return Documents.find(view.store(), BusinessPlanProjection.PLANS, Criteria.where("_id").is(planId)).stream()
                .filter(p -> view.asOf() == null || AsOf.happenedBy(p, "adoptedOn", view.asOf()))
                .findFirst();
    }

    private static List<Document> links(ViewStores.View view, String planId) {
        return Documents.find(view.store(), BusinessPlanProjection.LINKS, Criteria.where("planId").is(planId)).stream()
                .filter(l -> view.asOf() == null || AsOf.happenedBy(l, "linkedOn", view.asOf())).toList();
    }

    /** The ratings in the order they were given, those given by the date when "as of". */
    private static List<Rating> ratings(Document plan, LocalDate asOf) {
        List<Rating> ratings = new ArrayList<>();
        for (Document r : plan.getList("ratings", Document.class, List.of())) {
            if (asOf == null || AsOf.happenedBy(r, "ratedOn", asOf)) {
                ratings.add(new Rating(r.getString("priorityId"), r.getInteger("quarter"), r.getString("rag"),
                        r.getString("reason"), Documents.date(r, "ratedOn"), r.getString("ratedBy"), r.getString("recordedBy")));
            }
        }
        return ratings;
    }

    /** The latest rating of the latest quarter rated. */
    private static Rating current(List<Rating> history) {
        Rating current = null;
        for (Rating rating : history) {
            if (current == null || rating.quarter() >= current.quarter()) {
                current = rating;
            }
        }
        return current;
    }
}
