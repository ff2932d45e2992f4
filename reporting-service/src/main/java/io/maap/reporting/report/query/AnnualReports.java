package io.maap.reporting.report.query;

import io.maap.events.board.BoardScorecardUpdated;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.reporting.scorecard.query.BoardFeed;
import io.maap.support.web.NotFoundException;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Builds the annual audit overview report of a programme from one view of the read models (today,
 * as of a date, or as at an instant): gathers the {@link ReportInput} once, then asks each
 * {@link SectionBuilder} in order for its section.
 */
@Component
public class AnnualReports {

    private final BoardFeed feed;
    private final List<SectionBuilder> sections;
    private final Clock clock;

    public AnnualReports(BoardFeed feed, List<SectionBuilder> sections, Clock clock) {
        this.feed = feed;
        this.sections = List.copyOf(sections);
        this.clock = clock;
    }

    public AnnualReport report(ViewStores.View view, String programmeId) {
        if (!feed.exists(view.store(), programmeId)) {
            throw new NotFoundException("No programme '" + programmeId + "'.");
        }
        LocalDate asOf = view.asOf();
        Document programme = view.store().mongo().findById(programmeId, Document.class,
                view.store().collection(AuditsProjection.PROGRAMMES));
        List<Document> audits = Documents.find(view.store(), AuditsProjection.AUDITS, Documents.where("programmeId", programmeId))
                .stream().map(a -> asOf == null ? a : AsOf.audit(a, asOf))
                .sorted(Comparator.comparing(AnnualReports::commence).thenComparing(a -> a.getString("_id")))
                .toList();
        List<Document> findings = Documents.find(view.store(), LearningProjection.FINDINGS,
                        Documents.where("programmeId", programmeId)).stream()
                .filter(f -> asOf == null || AsOf.happenedBy(f, "recordedOn", asOf))
                .map(f -> asOf == null || !Documents.flag(f, "recognised") || AsOf.happenedBy(f, "recognisedOn", asOf) ? f
                        : new Document(f).append("recognised", false).append("recognisedOn", null))
                .sorted(Comparator.comparing((Document f) -> f.getString("auditId")).thenComparing(f -> f.getString("findingId")))
                .toList();
        List<Document> actions = Documents.find(view.store(), LearningProjection.ACTIONS,
                        Documents.where("programmeId", programmeId)).stream()
                .map(a -> asOf == null ? a : AsOf.action(a, asOf))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing((Document a) -> a.getString("dueDate"))
                        .thenComparing(a -> a.getString("auditId")).thenComparing(a -> a.getString("actionId")))
                .toList();
        BoardScorecardUpdated scorecard = feed.scorecard(view.store(), view.today(), asOf, programmeId);
        ReportInput input = new ReportInput(view.store(), view.today(), asOf, view.asAt(), programmeId, programme, audits, findings,
                actions, scorecard);
        return new AnnualReport(programmeId,
                programme == null || programme.getString("title") == null ? "Programme " + programmeId : programme.getString("title"),
                programme == null ? null : programme.getString("partnership"),
                programme == null ? null : Documents.date(programme, "periodStart"),
                programme == null ? null : Documents.date(programme, "periodEnd"),
                view.today(), view.asAt(), clock.instant(),
                sections.stream().map(section -> section.build(input)).toList());
    }

    private static String commence(Document audit) {
        Document milestones = audit.get("milestones", Document.class);
        Document toolSent = milestones == null ? null : milestones.get("TOOL_SENT", Document.class);
        if (toolSent == null) {
            return "9999";
        }
        if (toolSent.getString("actual") != null) {
            return toolSent.getString("actual");
        }
        Document planned = toolSent.get("planned", Document.class);
        return planned == null ? "9999" : planned.getString("date");
    }
}
