package io.maap.reporting.scorecard.query;

import io.maap.events.CaseType;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.FindingKind;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.events.board.BoardScorecardUpdated;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.Projection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.maap.reporting.ProjectionTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scorecard of every programme from programmes' tallies ({@link ProgrammeTallies}): a tally
 * counts on any day what counting the entries counts, and one is reused exactly while its
 * programme's document keeps its version.
 */
class ProgrammeTalliesTest {

    private static final Lateness LATENESS = new Lateness(WorkingDayCalendar.englandAndWales());
    private static final LocalDate DUE = LocalDate.of(2017, 7, 24);
    private final List<Projection> projections = List.of(new ReturnsProjection(), new LearningProjection(), new AuditsProjection());

    @Test
    void aTallyCountsOnEveryDayWhatCountingTheEntriesCounts() {
        Random random = new Random(7);
        List<Object> values = new ArrayList<>(List.of(true, false, 0, 1, 3, "ACCEPTED", "SUBMITTED", "", "2017-07-01",
                "2017-07-24", "2017-07-25", "2017-08-30", "2018-01-02", "not a date"));
        values.add(null);
        List<String> fields = List.of("received", "firstWorkingDaysLate", "nil", "sentBackCount", "status", "awaitingAgency",
                "dueDate", "open", "rag", "kind", "aspect");
        for (int round = 0; round < 40; round++) {
            List<Document> documents = new ArrayList<>();
            for (int d = random.nextInt(60); d > 0; d--) {
                Document document = new Document();
                for (String field : fields) {
                    if (random.nextInt(4) > 0) { // missing a quarter of the time
                        document.put(field, values.get(random.nextInt(values.size())));
                    }
                }
                if (random.nextBoolean()) {
                    document.put("rag", List.of("GREEN", "AMBER", "RED").get(random.nextInt(3)));
                    document.put("aspect", List.of("voice", "oversight").get(random.nextInt(2)));
                    document.put("kind", random.nextBoolean() ? "GOOD_PRACTICE" : "AREA_FOR_IMPROVEMENT");
                    document.put("dueDate", LocalDate.of(2017, 7, 1).plusDays(random.nextInt(90)).toString());
                }
                documents.add(document);
            }
            Counting.Tally returns = ScorecardFigures.RETURN_FIGURES.tally(documents);
            Counting.Tally actions = ScorecardFigures.ACTION_FIGURES.tally(documents);
            var findings = ScorecardFigures.FINDING_FIGURES.tallyBy(documents, "aspect");
            for (LocalDate day = LocalDate.of(2017, 6, 30); day.isBefore(LocalDate.of(2017, 10, 5)); day = day.plusDays(3)) {
                assertThat(returns.counts(day)).as("returns, round %d on %s", round, day)
                        .isEqualTo(Counting.countAll(documents, ScorecardFigures.RETURN_FIGURES.on(day)));
                assertThat(actions.counts(day)).as("actions, round %d on %s", round, day)
                        .isEqualTo(Counting.countAll(documents, ScorecardFigures.ACTION_FIGURES.on(day)));
            }
            Document counted = new Document();
            Counting.countBy(documents, "aspect", ScorecardFigures.findingFigures())
                    .forEach((aspect, counts) -> counted.put(aspect, counts));
            Document tallied = new Document();
            findings.forEach((aspect, tally) -> tallied.put(aspect, tally.counts(DUE)));
            assertThat(tallied).as("findings by aspect, round %d", round).isEqualTo(counted);
        }
    }

    @Test
    void aTallyIsReusedExactlyWhileItsProgrammesDocumentKeepsItsVersion() {
        ProjectionStore store = ProjectionTestSupport.newStore();
        ProgrammeFigures.keptFromStart(store);
        ProgrammeTallies tallies = new ProgrammeTallies(10_000);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        tallies.bindTo(metrics);
        Scorecards kept = new Scorecards(LATENESS, io.maap.reporting.projection.query.ProgrammeViewCache.none(), tallies);
        Scorecards counted = new Scorecards(LATENESS);
        LocalDate day = LocalDate.of(2017, 8, 2);
        for (int p = 0; p < 3; p++) {
            requested(store, "r" + p, "p" + p, "nelft");
        }
        BoardScorecardUpdated.Figures first = kept.compute(store, day, null, null, null).figures();
        assertThat(first).isEqualTo(counted.compute(store, day, null, null, null).figures());
        assertThat(first.returns().expected()).isEqualTo(3);
        assertThat(tallies.size()).isEqualTo(3);

        // the document changed without a new version (no writer does that): the tally kept is what is counted
        store.mongo().updateFirst(Query.query(Criteria.where("_id").is("p0")), new Update().unset("returns"),
                store.collection(ProgrammeFigures.COLLECTION));
        assertThat(kept.compute(store, day, null, null, null).figures()).isEqualTo(first);
        assertThat(counted.compute(store, day, null, null, null).figures().returns().expected()).isEqualTo(2);

        // a write by a projection sets a new version: that programme is read again, the others are not
        project(store, new ReturnSubmitted("r1", "p1-audit", "p1", "REF-r1", "nelft", 1, "spoc", "auditor",
                Instant.parse("2017-07-20T10:00:00Z"), DUE, DUE, 0, "api", List.of()), 1);
        project(store, new FindingRecorded("f1", "p2-audit", "p2", "voice-of-the-child", "Voice of the child",
                FindingKind.GOOD_PRACTICE, List.of("nelft"), List.of(), "Child seen alone", "Share", "qa", LocalDate.of(2017, 7, 21)), 0);
        BoardScorecardUpdated.Figures later = kept.compute(store, day, null, null, null).figures();
        assertThat(later.returns().expected()).as("p0's tally still the one kept").isEqualTo(3);
        assertThat(later.returns().received()).isEqualTo(1);
        assertThat(later.returns().overdue()).isEqualTo(2);
        assertThat(later.findingsByAspect()).containsEntry("voice-of-the-child", new BoardScorecardUpdated.FindingCounts(1, 0));
        assertThat(kept.compute(store, LocalDate.of(2017, 7, 20), null, null, null).figures().returns().overdue())
                .as("a kept tally counted on another day").isZero();
        assertThat(tallies.size()).isEqualTo(5);
        // three requests of every programme's scorecard over three programmes, and one more: 8 tallies read, 5 kept ones used
        assertThat(metrics.get("cache.gets").tags("cache", ProgrammeTallies.METRICS_NAME, "result", "miss").functionCounter().count())
                .isEqualTo(5);
        assertThat(metrics.get("cache.gets").tags("cache", ProgrammeTallies.METRICS_NAME, "result", "hit").functionCounter().count())
                .isEqualTo(7);
    }

    @Test
    void aCheckpointTalliedWhenBuiltIsReadByItsVersionsAlone() {
        ProjectionStore live = ProjectionTestSupport.newStore();
        ProjectionStore checkpoint = new ProjectionStore(live.mongo(), "asatcp1500000000000_");
        ProgrammeFigures.keptFromStart(checkpoint);
        for (int p = 0; p < 4; p++) {
            requested(checkpoint, "r" + p, "p" + p, p % 2 == 0 ? "nelft" : "met-police");
            project(checkpoint, new ActionAdded("x" + p, "plan-" + p, "p" + p + "-audit", "p" + p, "Measure", "nelft",
                    "lead", LocalDate.of(2017, 7, 28), List.of("f" + p), "Measured", LocalDate.of(2017, 7, 21)), 0);
        }
        ProgrammeTallies tallies = new ProgrammeTallies(10_000);
        tallies.tally(checkpoint);
        assertThat(tallies.size()).isEqualTo(4);

        checkpoint.mongo().updateMulti(new Query(), new Update().unset("returns"), checkpoint.collection(ProgrammeFigures.COLLECTION));
        Scorecards kept = new Scorecards(LATENESS, io.maap.reporting.projection.query.ProgrammeViewCache.none(), tallies);
        BoardScorecardUpdated.Figures figures = kept.compute(checkpoint, LocalDate.of(2017, 8, 2), null, null, null).figures();
        assertThat(figures.returns().expected()).as("every programme's tally kept, none read").isEqualTo(4);
        assertThat(figures.actions().overdue()).isEqualTo(4);
        assertThat(new ProgrammeTallies(0).size()).isZero();
        assertThatThrownBy(() -> new ProgrammeTallies(-1)).hasMessageContaining("maap.reporting.programme-tally-cache");
    }

    private void requested(ProjectionStore store, String id, String programme, String agency) {
        project(store, new ReturnRequested(id, programme + "-audit", programme, "REF-" + id, CaseType.CHILD_IN_NEED, agency,
                LocalDate.of(2017, 7, 3), DUE, LocalDate.of(2017, 7, 17)), 0);
    }

    private void project(ProjectionStore store, Object payload, long sequence) {
        projections.forEach(projection -> projection.apply(event(payload, sequence), store));
    }
}
