package io.maap.reporting.businessplan.query;

import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ViewStores;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each audit achieved and how its learning was spread (success measures with their latest
 * evaluation, disseminations), and the recurring areas for improvement read as training needs.
 */
@Component
public class AuditLearningViews {

    /** A success measure with its latest evaluation; {@code outcome} null until evaluated. */
    public record Measure(String measureId, String description, String outcome, String evidence, LocalDate evaluatedOn,
                          String evaluatedBy, String recordedBy) {
    }

    /** Where learning was sent. */
    public record Dissemination(String disseminationId, String channel, String what, String sentTo, LocalDate sentOn,
                                String recordedBy) {
    }

    /** One audit's success measures and dissemination. */
    public record AuditLearning(String auditId, String programmeId, String title, String theme, String stage,
                                List<Measure> successMeasures, int unevaluated, List<Dissemination> disseminations,
                                List<String> channels) {
    }

    /**
     * An aspect of practice found wanting in at least {@code minAudits} audits, read as a training
     * need: the audits it came from, and which of them have (and have not yet) sent their learning
     * to training providers.
     */
    public record TrainingNeed(String aspect, String aspectLabel, int areasForImprovement, int audits, List<String> auditIds,
                               List<String> themes, LocalDate lastFoundOn, List<String> sentToTrainingProviders,
                               List<String> notYetSentToTrainingProviders) {
    }

    public List<AuditLearning> audits(ViewStores.View view, String programmeId, String auditId) {
        Map<String, Document> learning = Documents.find(view.store(), BusinessPlanProjection.AUDIT_LEARNING,
                        Documents.where("programmeId", programmeId, "auditId", auditId)).stream()
                .collect(Collectors.toMap(d -> d.getString("auditId"), Function.identity()));
        return Documents.find(view.store(), AuditsProjection.AUDITS, Documents.where("programmeId", programmeId, "_id", auditId))
                .stream()
                .filter(a -> !"SECTION_11".equals(a.getString("kind")))
                .map(a -> view.asOf() == null ? a : AsOf.audit(a, view.asOf()))
                .map(a -> learning(a, learning.get(a.getString("_id")), view.asOf()))
                .sorted(Comparator.comparing(AuditLearning::programmeId, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(AuditLearning::auditId))
                .toList();
    }

    public List<TrainingNeed> trainingNeeds(ViewStores.View view, int minAudits) {
        Map<String, Document> audits = Documents.find(view.store(), AuditsProjection.AUDITS, new Criteria()).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), Function.identity()));
        Map<String, Document> learning = Documents.find(view.store(), BusinessPlanProjection.AUDIT_LEARNING, new Criteria())
                .stream().collect(Collectors.toMap(d -> d.getString("auditId"), Function.identity()));
        Map<String, List<Document>> byAspect = Documents.find(view.store(), LearningProjection.FINDINGS,
                        Criteria.where("kind").is("AREA_FOR_IMPROVEMENT")).stream()
                .filter(f -> view.asOf() == null || AsOf.happenedBy(f, "recordedOn", view.asOf()))
                .collect(Collectors.groupingBy(f -> f.getString("aspect"), TreeMap::new, Collectors.toList()));
        return byAspect.entrySet().stream().map(e -> {
                    List<Document> findings = e.getValue();
                    TreeSet<String> auditIds = findings.stream().map(f -> f.getString("auditId"))
                            .collect(Collectors.toCollection(TreeSet::new));
                    TreeSet<String> themes = auditIds.stream().map(audits::get).filter(a -> a != null && a.getString("theme") != null)
                            .map(a -> a.getString("theme")).collect(Collectors.toCollection(TreeSet::new));
                    Set<String> sent = auditIds.stream().filter(a -> learning.containsKey(a)
                                    && disseminations(learning.get(a), view.asOf()).stream()
                                    .anyMatch(d -> "TRAINING_PROVIDERS".equals(d.channel())))
                            .collect(Collectors.toCollection(TreeSet::new));
                    LocalDate last = findings.stream().map(f -> Documents.date(f, "recordedOn")).filter(d -> d != null)
                            .max(Comparator.naturalOrder()).orElse(null);
                    return new TrainingNeed(e.getKey(), findings.get(0).getString("aspectLabel"), findings.size(),
                            auditIds.size(), List.copyOf(auditIds), List.copyOf(themes), last, List.copyOf(sent),
                            auditIds.stream().filter(a -> !sent.contains(a)).toList());
                })
                .filter(t -> t.audits() >= minAudits)
                .sorted(Comparator.comparingInt(TrainingNeed::audits).reversed()
                        .thenComparing(Comparator.comparingInt(TrainingNeed::areasForImprovement).reversed())
                        .thenComparing(TrainingNeed::aspect))
                .toList();
    }

    private static AuditLearning learning(Document audit, Document learning, LocalDate asOf) {
        List<Measure> measures = List.of();
        List<Dissemination> disseminations = List.of();
        if (learning != null) {
            Map<String, Document> latest = new LinkedHashMap<>();
            learning.getList("evaluations", Document.class, List.of()).stream()
                    .filter(e -> asOf == null || AsOf.happenedBy(e, "evaluatedOn", asOf))
                    .forEach(e -> latest.put(e.getString("measureId"), e));
            measures = learning.getList("measures", Document.class, List.of()).stream().map(m -> {
                Document e = latest.get(m.getString("measureId"));
                return e == null ? new Measure(m.getString("measureId"), m.getString("description"), null, null, null, null, null)
                        : new Measure(m.getString("measureId"), m.getString("description"), e.getString("outcome"),
                        e.getString("evidence"), Documents.date(e, "evaluatedOn"), e.getString("evaluatedBy"),
                        e.getString("recordedBy"));
            }).toList();
            disseminations = disseminations(learning, asOf);
        }
        return new AuditLearning(audit.getString("_id"), audit.getString("programmeId"), audit.getString("title"),
                audit.getString("theme"), audit.getString("stage"), measures,
                (int) measures.stream().filter(m -> m.outcome() == null).count(), disseminations,
                disseminations.stream().map(Dissemination::channel).distinct().sorted().toList());
    }

    private static List<Dissemination> disseminations(Document learning, LocalDate asOf) {
        return learning.getList("disseminations", Document.class, List.of()).stream()
                .filter(d -> asOf == null || AsOf.happenedBy(d, "sentOn", asOf))
                .map(d -> new Dissemination(d.getString("disseminationId"), d.getString("channel"), d.getString("what"),
                        d.getString("sentTo"), Documents.date(d, "sentOn"), d.getString("recordedBy")))
                .sorted(Comparator.comparing(Dissemination::sentOn).thenComparing(Dissemination::disseminationId))
                .toList();
    }
}
