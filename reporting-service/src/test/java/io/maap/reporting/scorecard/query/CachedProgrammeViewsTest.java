package io.maap.reporting.scorecard.query;

import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditReturnsClosed;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.events.board.BoardScorecardUpdated;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.Generations;
import io.maap.reporting.projection.query.ProgrammeViewCache;
import io.maap.reporting.projection.query.ProgrammeViewWarmer;
import io.maap.reporting.projection.query.Projection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.reporting.returns.web.OutstandingReturnsController;
import io.maap.reporting.returns.web.OutstandingReturnsController.OutstandingReturnsPage;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import static io.maap.reporting.ProjectionTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A programme's scorecard, board feed and overdue list through the cache of programme views
 * ({@link ProgrammeViewCache}): each answer is the one computed afresh after a write (of a return
 * request or of an audit), after a rebuild switched or refilled the generation, and on a new day.
 */
class CachedProgrammeViewsTest {

    private static final String P = "redbridge-2017-18";
    private static final String A = "rbr-2017-missing";
    private static final LocalDate FRIDAY = LocalDate.of(2017, 7, 21);

    private final List<Projection> projections = List.of(new ReturnsProjection(), new LearningProjection(), new AuditsProjection());
    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();
    private final ProgrammeViewCache cache = new ProgrammeViewCache(10_000);
    private final Scorecards scorecards = new Scorecards(new Lateness(calendar), cache);
    private final BoardFeed feed = new BoardFeed(scorecards, cache, Clock.fixed(Instant.parse("2017-07-24T12:00:00Z"), ZoneId.of("Europe/London")));
    private final ViewStores views = mock(ViewStores.class);
    private final OutstandingReturnsController outstanding = new OutstandingReturnsController(views, calendar, cache);
    private ProjectionStore store;

    @BeforeEach
    void setUp() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("qa.coordinator").build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt,
                new Caller("qa.coordinator", Set.of(MaapRole.QA_COORDINATOR), null)));
        store = ProjectionTestSupport.newStore();
        ProgrammeFigures.keptFromStart(store);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aWriteOfAReturnRequestChangesEveryView() {
        apply(store, requested("r1", "nelft"), 0);
        assertThat(scorecard(store, FRIDAY).expected()).isEqualTo(1);
        assertThat(feed.scorecard(store, FRIDAY, P).programme().returns().expected()).isEqualTo(1);
        assertThat(overdue(store, FRIDAY.plusDays(3)).total()).isEqualTo(1);

        apply(store, requested("r2", "bhrut"), 0);
        apply(store, submitted("r1", "nelft"), 1);

        assertThat(scorecard(store, FRIDAY).expected()).isEqualTo(2);
        assertThat(scorecard(store, FRIDAY).received()).isEqualTo(1);
        BoardScorecardUpdated board = feed.scorecard(store, FRIDAY, P);
        assertThat(board.programme().returns().expected()).isEqualTo(2);
        assertThat(board.agencies()).extracting(BoardScorecardUpdated.AgencyFigures::agency).containsExactly("bhrut", "nelft");
        assertThat(overdue(store, FRIDAY.plusDays(3)).items()).extracting(r -> r.returnRequestId()).containsExactly("r2");
    }

    @Test
    void aChangeOfAnAuditChangesTheBoardFeedAndTheMilestones() {
        apply(store, new AuditPlanned(A, P, "Children who go missing", "Missing", List.of("7"), "Chair", "July - September",
                List.of(), List.of(), List.of(), List.of(new AuditPlanned.PlannedMilestone(Milestone.RETURNS_CLOSED,
                        new PlannedDate(FRIDAY.plusDays(7), PlannedDate.Precision.DAY))), List.of()), 0);
        apply(store, requested("r1", "nelft"), 0);
        assertThat(feed.scorecard(store, FRIDAY, P).audits()).singleElement()
                .satisfies(audit -> assertThat(audit.stage()).isEqualTo("PLANNED"));
        assertThat(scorecards.compute(store, FRIDAY, P, null, null).figures().milestones().onTrack()).isEqualTo(1);

        apply(store, new AuditReturnsClosed(A, P, FRIDAY, FRIDAY.plusDays(21), "qa"), 1);

        assertThat(feed.scorecard(store, FRIDAY, P).audits()).singleElement()
                .satisfies(audit -> assertThat(audit.stage()).isEqualTo("RETURNS_CLOSED"));
        assertThat(scorecards.compute(store, FRIDAY, P, null, null).figures().milestones().met()).isEqualTo(1);
    }

    @Test
    void aRebuildsGenerationIsReadForItselfAndAGenerationFilledAgainIsNotTakenForTheOneDropped() {
        apply(store, requested("r1", "nelft"), 0);
        assertThat(scorecard(store, FRIDAY).expected()).isEqualTo(1);

        ProjectionStore next = new ProjectionStore(store.mongo(), "g2_");
        rebuild(next, requested("r1", "nelft"), requested("r2", "bhrut"));
        assertThat(scorecard(next, FRIDAY).expected()).isEqualTo(2);
        assertThat(feed.scorecard(next, FRIDAY, P).programme().returns().expected()).isEqualTo(2);
        assertThat(scorecard(store, FRIDAY).expected()).isEqualTo(1);

        // One write made each document: a counter of writes would be the same in both.
        store.drop();
        rebuild(store, requested("r3", "nelft"), requested("r4", "nelft"), requested("r5", "bhrut"));
        assertThat(scorecard(store, FRIDAY).expected()).isEqualTo(3);
        assertThat(overdue(store, FRIDAY.plusDays(3)).total()).isEqualTo(3);
    }

    @Test
    void aNewDayChangesTheOverdueAnswersWithoutAnyWrite() {
        apply(store, requested("r1", "nelft"), 0);

        assertThat(scorecard(store, FRIDAY.plusDays(1)).overdue()).isZero();
        assertThat(overdue(store, FRIDAY.plusDays(1)).total()).isZero();
        assertThat(feed.scorecard(store, FRIDAY.plusDays(1), P).programme().returns().overdue()).isZero();

        assertThat(scorecard(store, FRIDAY.plusDays(3)).overdue()).isEqualTo(1);
        assertThat(feed.scorecard(store, FRIDAY.plusDays(3), P).programme().returns().overdue()).isEqualTo(1);
        assertThat(overdue(store, FRIDAY.plusDays(3)).items()).singleElement()
                .satisfies(r -> assertThat(r.workingDaysLate()).isEqualTo(1));
        assertThat(overdue(store, FRIDAY.plusDays(4)).items()).singleElement()
                .satisfies(r -> assertThat(r.workingDaysLate()).isEqualTo(2));
    }

    @Test
    void oneComputedListServesEveryFilterAndOrderAsComputingEachAfresh() {
        apply(store, requested("r1", "nelft"), 0);
        apply(store, requested("r2", "bhrut"), 0);
        apply(store, new ReturnRequested("r3", A, P, "RBR-1707-M03", CaseType.CHILD_IN_NEED, "bhrut",
                LocalDate.of(2017, 7, 3), FRIDAY.plusDays(10), LocalDate.of(2017, 7, 17)), 0);
        OutstandingReturnsController afresh = new OutstandingReturnsController(views, calendar, ProgrammeViewCache.none());
        given(views.view(any(), any())).willReturn(new ViewStores.View(store, FRIDAY.plusDays(3), null));

        for (Boolean overdue : new Boolean[] {null, true, false}) {
            for (OutstandingReturnsController.Order order : OutstandingReturnsController.Order.values()) {
                for (Integer within : new Integer[] {null, 10}) {
                    for (int page : new int[] {0, 1}) {
                        OutstandingReturnsPage cached = outstanding.list(null, null, P, null, null, null, overdue, within, order, page, 2);
                        assertThat(cached).as("%s %s %s %s", overdue, order, within, page)
                                .isEqualTo(afresh.list(null, null, P, null, null, null, overdue, within, order, page, 2));
                    }
                }
            }
        }
        assertThat(outstanding.list(null, null, P, null, null, null, true, null, OutstandingReturnsController.Order.AGENCY, 0, 50)
                .items()).extracting(r -> r.returnRequestId()).containsExactly("r2", "r1");
        assertThat(outstanding.list(null, null, P, null, null, null, false, null, OutstandingReturnsController.Order.DUE_DATE, 0, 50)
                .items()).extracting(r -> r.returnRequestId()).containsExactly("r3");
    }

    @Test
    void afterASwitchTheWarmedViewsAreTheOnesRequestsAskFor() {
        AtomicInteger computed = new AtomicInteger();
        ProgrammeViewCache counting = new ProgrammeViewCache(10_000) {
            @Override
            public <T> T view(ProjectionStore in, String programmeId, Object parameters, ToIntFunction<T> weight, Supplier<T> compute) {
                return super.view(in, programmeId, parameters, weight, () -> {
                    computed.incrementAndGet();
                    return compute.get();
                });
            }
        };
        Scorecards countedScorecards = new Scorecards(new Lateness(calendar), counting);
        BoardFeed countedFeed = new BoardFeed(countedScorecards, counting, Clock.fixed(Instant.parse("2017-07-24T12:00:00Z"),
                ZoneId.of("Europe/London")));
        OutstandingReturnsController countedList = new OutstandingReturnsController(views, calendar, counting);
        Generations generations = new Generations(store.mongo());
        ProjectionStore next = generations.store(2);
        rebuild(next, requested("r1", "nelft"), requested("r2", "bhrut"));
        generations.switchTo(2);
        ProgrammeViewWarmer warmer = new ProgrammeViewWarmer(generations, List.of(countedScorecards, countedFeed, countedList),
                counting, Clock.fixed(Instant.parse("2017-07-24T12:00:00Z"), ZoneId.of("Europe/London")), 10);

        warmer.warm(next);

        LocalDate monday = LocalDate.of(2017, 7, 24);
        assertThat(countedScorecards.compute(next, monday, P, null, null).figures().returns().expected()).isEqualTo(2);
        assertThat(countedFeed.scorecard(next, monday, P).programme().returns().expected()).isEqualTo(2);
        given(views.view(any(), any())).willReturn(new ViewStores.View(next, monday, null));
        assertThat(countedList.list(null, null, P, null, null, null, true, null, OutstandingReturnsController.Order.DUE_DATE, 0, 50)
                .total()).isEqualTo(2);
        assertThat(countedList.list(null, null, P, null, null, null, null, null, OutstandingReturnsController.Order.WORKING_DAYS_LATE,
                0, 50).total()).isEqualTo(2);
        assertThat(computed).as("computed by none of the requests").hasValue(0);
        apply(next, submitted("r1", "nelft"), 1);
        assertThat(countedScorecards.compute(next, monday, P, null, null).figures().returns().received()).isEqualTo(1);
        assertThat(computed).as("after a write").hasValue(1);
    }

    private BoardScorecardUpdated.Returns scorecard(ProjectionStore in, LocalDate day) {
        return scorecards.compute(in, day, P, null, null).figures().returns();
    }

    private OutstandingReturnsPage overdue(ProjectionStore in, LocalDate day) {
        given(views.view(any(), any())).willReturn(new ViewStores.View(in, day, null));
        return outstanding.list(null, null, P, null, null, null, true, null, OutstandingReturnsController.Order.DUE_DATE, 0, 50);
    }

    private void apply(ProjectionStore in, Object payload, long sequence) {
        projections.forEach(p -> p.apply(event(payload, sequence), in));
    }

    /** As a rebuild fills a generation: emptied, marked, written by the only writer, flushed once. */
    private void rebuild(ProjectionStore target, Object... payloads) {
        ProgrammeFigures.keptFromStart(target);
        ProjectionStore writer = target.batchingAsOnlyWriter();
        for (Object payload : payloads) {
            apply(writer, payload, 0);
        }
        writer.flush();
    }

    private static ReturnRequested requested(String id, String agency) {
        return new ReturnRequested(id, A, P, "RBR-1707-M0" + id.charAt(id.length() - 1), CaseType.CHILD_IN_NEED, agency,
                LocalDate.of(2017, 7, 3), FRIDAY, LocalDate.of(2017, 7, 17));
    }

    private static ReturnSubmitted submitted(String id, String agency) {
        return new ReturnSubmitted(id, A, P, "RBR-1707-M0" + id.charAt(id.length() - 1), agency, 1, "spoc", "auditor",
                Instant.parse("2017-07-20T10:00:00Z"), FRIDAY, FRIDAY, 0, "api", List.of());
    }
}
