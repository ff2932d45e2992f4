package io.maap.reporting.learning.query;

import io.maap.reporting.learning.query.LearningProjection;

import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.ActionReopened;
import io.maap.events.actionplan.Rag;
import io.maap.events.casereturn.SafeguardingConcernAcknowledged;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.concerns.query.ConcernsProjection;
import io.maap.reporting.projection.query.ProjectionStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.maap.reporting.ProjectionTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;

class LearningAndConcernsProjectionTest {

    private static final String A = "rbr-2017-neglect";
    private static final String P = "redbridge-2017-18";

    private final LearningProjection learning = new LearningProjection();
    private final ConcernsProjection concerns = new ConcernsProjection();
    private ProjectionStore store;

    @BeforeEach
    void setUp() {
        store = ProjectionTestSupport.newStore();
    }

    private Document action(String id) {
        return action(A, id);
    }

    private Document action(String auditId, String id) {
        return store.mongo().findById(LearningProjection.key(auditId, id), Document.class, store.collection(LearningProjection.ACTIONS));
    }

    private static ActionAdded added() {
        return new ActionAdded("a1", "plan", A, P, "Supervision audit", "nelft", "Named nurse", LocalDate.of(2017, 12, 1),
                List.of("f1"), "Wishes recorded in 90% of files", LocalDate.of(2017, 9, 20));
    }

    @Test
    void everyProgressReportIsKeptInTheHistoryAndTheLatestRagShows() {
        learning.apply(event(added(), 0), store);
        learning.apply(event(new ActionProgressReported("u1", "a1", "plan", A, P, "nelft", Rag.RED, "Not started", "nurse",
                LocalDate.of(2017, 10, 2), null), 1), store);
        learning.apply(event(new ActionProgressReported("u2", "a1", "plan", A, P, "nelft", Rag.GREEN, "On track", "nurse",
                LocalDate.of(2017, 11, 2), null), 2), store);

        Document action = action("a1");
        assertThat(action.getString("rag")).isEqualTo("GREEN");
        assertThat(action.getList("history", Document.class)).extracting(h -> h.getString("kind"))
                .containsExactly("ADDED", "PROGRESS", "PROGRESS");
    }

    @Test
    void aRedeliveredReportAddsNoHistory() {
        learning.apply(event(added(), 0), store);
        var report = event(new ActionProgressReported("u1", "a1", "plan", A, P, "nelft", Rag.AMBER, "Started", "nurse",
                LocalDate.of(2017, 10, 2), null), 1);
        learning.apply(report, store);
        learning.apply(report, store);

        assertThat(action("a1").getList("history", Document.class)).hasSize(2);
    }

    @Test
    void aLateOlderEventDoesNotUndoAClosure() {
        learning.apply(event(added(), 0), store);
        learning.apply(event(new ActionClosed("a1", "plan", A, P, "nelft", "18 of 20 files", "qa", LocalDate.of(2017, 11, 28),
                LocalDate.of(2017, 12, 1)), 3), store);
        learning.apply(event(new ActionOverdue("a1", "plan", A, P, "nelft", "Named nurse", LocalDate.of(2017, 12, 1)), 2), store);

        assertThat(action("a1").getBoolean("open")).isFalse();
        assertThat(action("a1").getBoolean("overdueFlagged")).isFalse();
    }

    @Test
    void aReopenedActionIsOpenAgainWithItsWholeHistory() {
        learning.apply(event(added(), 0), store);
        learning.apply(event(new ActionClosed("a1", "plan", A, P, "nelft", "18 of 20 files", "qa", LocalDate.of(2017, 11, 28),
                LocalDate.of(2017, 12, 1)), 1), store);
        learning.apply(event(new ActionReopened("a1", "plan", A, P, "nelft", "Re-audit found 9 of 20", "qa",
                LocalDate.of(2018, 2, 1)), 2), store);

        assertThat(action("a1").getBoolean("open")).isTrue();
        assertThat(action("a1").getList("history", Document.class)).extracting(h -> h.getString("kind"))
                .containsExactly("ADDED", "CLOSED", "REOPENED");
    }

    @Test
    void actionAndFindingIdsAreScopedToTheirAudit() {
        String other = "rbr-2017-missing";
        learning.apply(event(added(), 0), store);
        learning.apply(event(new ActionAdded("a1", "plan", other, P, "Return interviews", "met-police", "DI", LocalDate.of(2017, 12, 1),
                List.of("f1"), "Every child offered one", LocalDate.of(2017, 9, 21)), 0), store);
        learning.apply(event(new ActionClosed("a1", "plan", other, P, "met-police", "All offered", "qa", LocalDate.of(2017, 11, 28),
                LocalDate.of(2017, 12, 1)), 1), store);

        assertThat(store.mongo().findAll(Document.class, store.collection(LearningProjection.ACTIONS))).hasSize(2);
        assertThat(action(A, "a1").getBoolean("open")).isTrue();
        assertThat(action(A, "a1").getString("actionId")).isEqualTo("a1");
        assertThat(action(other, "a1").getBoolean("open")).isFalse();
        assertThat(action(other, "a1").getString("owningAgency")).isEqualTo("met-police");
    }

    @Test
    void aConcernIsOpenUntilTheAgencyAcknowledgesItAndConcernIdsAreScopedToTheirRequest() {
        concerns.apply(event(new SafeguardingConcernRaised("r1", A, P, "RBR-1704-N01", "nelft", "c1", "auditor",
                Instant.parse("2017-04-20T10:00:00Z"), "Sibling unknown to services"), 5), store);
        concerns.apply(event(new SafeguardingConcernRaised("r2", A, P, "RBR-1704-N02", "met-police", "c1", "auditor",
                Instant.parse("2017-04-21T10:00:00Z"), "Missing episode not reported"), 3), store);
        concerns.apply(event(new SafeguardingConcernAcknowledged("r1", A, P, "RBR-1704-N01", "nelft", "c1", "lead",
                Instant.parse("2017-04-20T15:00:00Z"), "Referral made"), 6), store);
        concerns.apply(event(new SafeguardingConcernAcknowledged("r1", A, P, "RBR-1704-N01", "nelft", "c1", "lead",
                Instant.parse("2017-04-20T15:00:00Z"), "Referral made"), 6), store);

        List<Document> all = store.mongo().findAll(Document.class, store.collection(ConcernsProjection.CONCERNS));
        assertThat(all).hasSize(2);
        assertThat(all).filteredOn(c -> c.getBoolean("open")).extracting(c -> c.getString("returnRequestId")).containsExactly("r2");
    }

    @Test
    void aConcernKeepsItsCategoryAndTheOtherAgenciesToBeTold() {
        concerns.apply(event(new SafeguardingConcernRaised("r3", A, P, "RBR-1704-N03", "nelft", "c1", "auditor",
                Instant.parse("2017-04-20T10:00:00Z"), "Mother's partner a risk to her",
                io.maap.events.casereturn.SafeguardingConcernCategory.VULNERABLE_ADULT, List.of("met-police")), 1), store);

        Document concern = store.mongo().findAll(Document.class, store.collection(ConcernsProjection.CONCERNS)).get(0);
        assertThat(concern.getString("category")).isEqualTo("VULNERABLE_ADULT");
        assertThat(concern.getList("agenciesToInform", String.class)).containsExactly("met-police");
    }
}
