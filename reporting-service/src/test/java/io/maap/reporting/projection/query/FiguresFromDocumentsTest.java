package io.maap.reporting.projection.query;

import io.maap.events.CaseType;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.ActionReopened;
import io.maap.events.actionplan.FindingKind;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.events.actionplan.GoodPracticeRecognised;
import io.maap.events.actionplan.Rag;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.ChallengeDayHeld;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnReminderSent;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.support.messaging.IncomingEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An only writer that fills a generation from empty writes the programmes' figures from the
 * documents once it is done ({@link ProjectionStore#figuresFromDocuments()}): the figures documents
 * then hold what live writes, entry by entry, give; and events after that (a rebuild's last ones,
 * read while the live consumers are stopped), redelivered ones included, keep them so. Over
 * generated logs of the real projections' events: return requests, findings, actions and audits
 * of several programmes, each aggregate's events in order, some delivered twice or late.
 */
class FiguresFromDocumentsTest {

    private static final LocalDate DAY = LocalDate.of(2017, 7, 3);
    private static final Instant AT = Instant.parse("2017-07-20T10:00:00Z");
    private static final List<String> AGENCIES = List.of("met-police", "nelft", "bhrut");

    private final Projections projections = new Projections(List.of(new ReturnsProjection(), new LearningProjection(),
            new AuditsProjection()));

    /** An aggregate's events in order, the sequence of each its position: made from the aggregate's programme, audit and id. */
    private record Kind(String prefix, List<BiFunction<String[], Random, Object>> events) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("r", List.of(
                    (a, r) -> new ReturnRequested(a[2], a[1], a[0], "REF-" + a[2], CaseType.CHILD_IN_NEED, agency(a), DAY,
                            DAY.plusDays(21), DAY.plusDays(14)),
                    (a, r) -> new ReturnReminderSent(a[2], a[1], a[0], "REF-" + a[2], agency(a), DAY.plusDays(14), DAY.plusDays(21)),
                    (a, r) -> r.nextBoolean()
                            ? new ReturnSubmitted(a[2], a[1], a[0], "REF-" + a[2], agency(a), 1, "spoc", "auditor", AT,
                                    DAY.plusDays(20 + r.nextInt(5)), DAY.plusDays(21), r.nextInt(3), "api", List.of())
                            : new NilReturnSubmitted(a[2], a[1], a[0], "REF-" + a[2], agency(a), 1, "spoc", AT, DAY.plusDays(20),
                                    DAY.plusDays(21), 0, "kafka", DAY.minusYears(1), DAY),
                    (a, r) -> new ReturnSentBack(a[2], a[1], a[0], "REF-" + a[2], agency(a), 1, List.of("why"), "qa", AT,
                            DAY.plusDays(25), DAY.plusDays(32)),
                    (a, r) -> new ReturnOverdue(a[2], a[1], a[0], "REF-" + a[2], agency(a), DAY.plusDays(32), DAY.plusDays(33),
                            true, false),
                    (a, r) -> new ReturnDeadlineExtended(a[2], a[1], a[0], "REF-" + a[2], agency(a), DAY.plusDays(32),
                            DAY.plusDays(40), "leave", "qa", AT),
                    (a, r) -> new ReturnAccepted(a[2], a[1], a[0], "REF-" + a[2], agency(a), 1, false, "qa", AT))),
            new Kind("f", List.of(
                    (a, r) -> new FindingRecorded(a[2], a[1], a[0], "voice", "Voice of the child",
                            r.nextBoolean() ? FindingKind.GOOD_PRACTICE : FindingKind.AREA_FOR_IMPROVEMENT, List.of(agency(a)),
                            List.of(), "summary", "recommendation", "qa", DAY),
                    (a, r) -> new GoodPracticeRecognised(a[2], a[1], a[0], "voice", List.of(agency(a)), "chair", DAY, "note"))),
            new Kind("a", List.of(
                    (a, r) -> new ActionAdded(a[2], "plan", a[1], a[0], "do it", agency(a), "lead", DAY.plusDays(60), List.of(),
                            "measure", DAY),
                    (a, r) -> new ActionProgressReported("u-" + a[2], a[2], "plan", a[1], a[0], agency(a),
                            Rag.values()[r.nextInt(Rag.values().length)], "note", "lead", DAY.plusDays(10), null),
                    (a, r) -> new ActionClosed(a[2], "plan", a[1], a[0], agency(a), "evidence", "qa", DAY.plusDays(50),
                            DAY.plusDays(60), null),
                    (a, r) -> new ActionReopened(a[2], "plan", a[1], a[0], agency(a), "again", "qa", DAY.plusDays(55)))),
            new Kind("au", List.of(
                    // an audit's document made by an event that does not name its programme among its fields
                    (a, r) -> new ChallengeDayHeld(a[2], a[0], DAY.plusDays(30), "chair", DAY.plusDays(28), null),
                    (a, r) -> new AuditPlanned(a[2], a[0], "title", "theme", List.of(), "lead", "summer", List.of(), List.of(),
                            List.of(), List.of(), List.of()))));

    private static String agency(String[] aggregate) {
        return AGENCIES.get(Math.floorMod(aggregate[2].hashCode(), AGENCIES.size()));
    }

    @Test
    void figuresWrittenFromTheDocumentsAreWhatLiveWritesWriteAndStaySoAsEventsGoOn() {
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<IncomingEvent> log = log(random, 120);
            int derivedAfter = log.size() / 2 + random.nextInt(log.size() / 2);
            ProjectionStore live = ProjectionTestSupport.newStore();
            ProjectionStore rebuilt = ProjectionTestSupport.newStore();
            ProgrammeFigures.keptFromStart(rebuilt);
            ProjectionStore writer = rebuilt.batchingAsOnlyWriterFiguresLast();
            int batch = 1 + random.nextInt(30);
            for (int i = 0; i < log.size(); i++) {
                projections.apply(log.get(i), live);
                projections.apply(log.get(i), writer);
                if ((i + 1) % batch == 0 || i + 1 == derivedAfter) {
                    writer.takeFlush().run();
                }
                if (i + 1 == derivedAfter) {
                    writer.indexWritten();
                    writer.figuresFromDocuments();
                    assertSameFigures(live, rebuilt, "seed " + seed + ", as written from the documents");
                }
            }
            writer.flush();
            assertSameFigures(live, rebuilt, "seed " + seed + ", after the events that followed");

            // the whole log delivered again changes nothing (each entry's sequence is its document's)
            log.forEach(event -> projections.apply(event, writer));
            writer.flush();
            assertSameFigures(live, rebuilt, "seed " + seed + ", the log delivered again");
        }
    }

    @Test
    void aStoreThatKeepsTheFiguresAsItGoesDoesNotWriteThemAgainFromTheDocuments() {
        ProjectionStore store = ProjectionTestSupport.newStore();

        assertThatThrownBy(() -> store.batchingAsOnlyWriter().figuresFromDocuments()).isInstanceOf(IllegalStateException.class);
        ProjectionStore writer = store.batchingAsOnlyWriterFiguresLast();
        projections.apply(ProjectionTestSupport.event(new ChallengeDayHeld("au1", "p", DAY, "chair", DAY, null), 0), writer);
        assertThatThrownBy(writer::figuresFromDocuments).as("writes not yet run").isInstanceOf(IllegalStateException.class);
        writer.flush();
        writer.figuresFromDocuments();
        assertThatThrownBy(writer::figuresFromDocuments).as("already written").isInstanceOf(IllegalStateException.class);
        assertThat(ProgrammeFigures.read(store, "p").ids(ProgrammeFigures.AUDITS)).containsExactly("au1");
    }

    /**
     * Aggregates of three programmes, their events interleaved, each aggregate's in order; one in
     * ten delivered again at once, one in ten again later, as consumers see after a rebalance.
     */
    private static List<IncomingEvent> log(Random random, int aggregates) {
        List<String[]> ids = new ArrayList<>();
        Map<String[], Kind> kinds = new HashMap<>();
        for (int i = 0; i < aggregates; i++) {
            Kind kind = KINDS.get(random.nextInt(KINDS.size()));
            String programme = "p" + random.nextInt(3) + (i % 17 == 0 ? ".with%dot$" : "");
            String[] aggregate = {programme, programme + "-audit" + random.nextInt(2), kind.prefix() + i};
            ids.add(aggregate);
            kinds.put(aggregate, kind);
        }
        Map<String[], Integer> next = new HashMap<>();
        List<IncomingEvent> log = new ArrayList<>();
        List<IncomingEvent> again = new ArrayList<>();
        List<String[]> open = new ArrayList<>(ids);
        while (!open.isEmpty()) {
            String[] aggregate = open.get(random.nextInt(open.size()));
            Kind kind = kinds.get(aggregate);
            int sequence = next.merge(aggregate, 1, Integer::sum) - 1;
            IncomingEvent event = ProjectionTestSupport.event(kind.events().get(sequence).apply(aggregate, random), sequence);
            log.add(event);
            if (random.nextInt(10) == 0) {
                log.add(event);
            } else if (random.nextInt(10) == 0) {
                again.add(event);
            }
            if (sequence + 1 == kind.events().size() || random.nextInt(4) == 0) {
                open.remove(aggregate);
            }
            if (!again.isEmpty() && random.nextInt(8) == 0) {
                log.add(again.remove(0));
            }
        }
        log.addAll(again);
        return log;
    }

    private static void assertSameFigures(ProjectionStore live, ProjectionStore rebuilt, String what) {
        Map<String, Document> expected = figures(live);
        assertThat(expected).as(what).isNotEmpty();
        assertThat(figures(rebuilt)).as(what).isEqualTo(expected);
    }

    /** Every programme's figures document without what tells writes apart: its version, its entries' sequences. */
    private static Map<String, Document> figures(ProjectionStore store) {
        Map<String, Document> documents = new HashMap<>();
        for (Document document : store.mongo().getCollection(store.collection(ProgrammeFigures.COLLECTION)).find()) {
            if (ProgrammeFigures.isMarker(document.getString("_id"))) {
                continue;
            }
            assertThat(document.remove(EntryWrites.VERSION)).as("a version").isNotNull();
            for (String section : List.of(ProgrammeFigures.RETURNS, ProgrammeFigures.FINDINGS, ProgrammeFigures.ACTIONS,
                    ProgrammeFigures.AUDITS)) {
                Document entries = document.get(section, Document.class);
                if (entries != null) {
                    entries.values().forEach(entry -> assertThat(((Document) entry).remove(EntryWrites.SEQ)).isNotNull());
                }
            }
            documents.put(document.getString("_id"), document);
        }
        return documents;
    }
}
