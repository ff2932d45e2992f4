package io.maap.bench;

import io.maap.bench.LoadGenerator.GeneratedEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LoadGeneratorTest {

    private static List<String> fingerprint(long seed, int count) {
        List<String> events = new ArrayList<>();
        new LoadGenerator(seed).events(count).forEachRemaining(e -> events.add(e.id() + " " + e.topic() + " " + e.key()
                + " " + e.sequence() + " " + e.time() + " " + e.payload()));
        return events;
    }

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        assertThat(fingerprint(42, 3000)).isEqualTo(fingerprint(42, 3000)).isNotEqualTo(fingerprint(7, 3000));
    }

    @Test
    void givesExactlyAsManyEventsAsAskedWithEachAggregatesSequenceInOrder() {
        Iterator<GeneratedEvent> events = new LoadGenerator(42).events(20_000);
        Map<String, Long> next = new HashMap<>();
        Set<String> programmes = new HashSet<>();
        Set<String> types = new HashSet<>();
        int count = 0;
        while (events.hasNext()) {
            GeneratedEvent event = events.next();
            count++;
            long expected = next.getOrDefault(event.topic() + "/" + event.key(), 0L);
            assertThat(event.sequence()).as("sequence of %s", event.key()).isEqualTo(expected);
            next.put(event.topic() + "/" + event.key(), expected + 1);
            types.add(event.payload().getClass().getSimpleName());
            event.toRecord();
            if (event.payload() instanceof io.maap.events.casereturn.CaseReturnEvent e) {
                programmes.add(e.programmeId());
            }
        }
        assertThat(count).isEqualTo(20_000);
        assertThat(programmes).hasSizeGreaterThan(5);
        assertThat(types).contains("ProgrammeAgreed", "AuditCommissioned", "ReturnRequested", "ReturnSubmitted",
                "NilReturnSubmitted", "ReturnSentBack", "ReturnAccepted", "ReturnOverdue", "FindingRecorded", "ActionAdded",
                "ActionProgressReported", "ActionClosed");
    }

    @Test
    void inTimeOrderGivesAsManyEventsByTimeWithEachAggregatesSequenceInOrderAndTheAuditsInterleaved() {
        Iterator<GeneratedEvent> events = new LoadGenerator(42).eventsInTimeOrder(30_000);
        Map<String, Long> next = new HashMap<>();
        Set<java.util.UUID> ids = new HashSet<>();
        java.time.Instant last = java.time.Instant.MIN;
        String previousAudit = null;
        int auditChanges = 0;
        int count = 0;
        while (events.hasNext()) {
            GeneratedEvent event = events.next();
            count++;
            assertThat(event.time()).as("event %d", count).isAfterOrEqualTo(last);
            last = event.time();
            long expected = next.getOrDefault(event.topic() + "/" + event.key(), 0L);
            assertThat(event.sequence()).as("sequence of %s", event.key()).isEqualTo(expected);
            next.put(event.topic() + "/" + event.key(), expected + 1);
            assertThat(ids.add(event.id())).as("id %s once", event.id()).isTrue();
            String audit = event.payload() instanceof io.maap.events.casereturn.CaseReturnEvent e ? e.auditId() : null;
            if (audit != null && previousAudit != null && !audit.equals(previousAudit)) {
                auditChanges++;
            }
            if (audit != null) {
                previousAudit = audit;
            }
        }
        assertThat(count).isEqualTo(30_000);
        // by time, the audits under way take turns: the audit changes far more often than audit after audit
        assertThat(auditChanges).isGreaterThan(3 * auditChanges(new LoadGenerator(42).events(30_000)));
    }

    private static int auditChanges(Iterator<GeneratedEvent> events) {
        String previous = null;
        int changes = 0;
        while (events.hasNext()) {
            if (events.next().payload() instanceof io.maap.events.casereturn.CaseReturnEvent e) {
                changes += previous != null && !previous.equals(e.auditId()) ? 1 : 0;
                previous = e.auditId();
            }
        }
        return changes;
    }

    @Test
    void inTimeOrderTheFirstEventsAreTheEarliestOfTheSameAudits() {
        List<GeneratedEvent> byTime = new ArrayList<>();
        new LoadGenerator(42).eventsInTimeOrder(5_000).forEachRemaining(byTime::add);
        java.time.Instant cut = byTime.get(byTime.size() - 1).time();
        // every event of the audit-after-audit stream before the cut (its first 200 audits span far beyond it) is among them
        Set<java.util.UUID> taken = new HashSet<>();
        byTime.forEach(e -> taken.add(e.id()));
        Iterator<GeneratedEvent> byAudit = new LoadGenerator(42).events(60_000);
        int before = 0;
        while (byAudit.hasNext()) {
            GeneratedEvent event = byAudit.next();
            if (event.time().isBefore(cut)) {
                before++;
                assertThat(taken).as("%s at %s", event.payload().getClass().getSimpleName(), event.time()).contains(event.id());
            }
        }
        assertThat(before).isGreaterThan(4_000);
    }

    @Test
    void lateSubmissionsAreLate() {
        LoadGenerator.AuditPlan plan = new LoadGenerator(42).plan(3);
        assertThat(plan.requests()).hasSize(plan.cases().size() * plan.agencies().size());
        plan.requests().forEach(r -> assertThat(r.workingDaysLate() > 0).isEqualTo(r.outcome() == LoadGenerator.Outcome.LATE));
    }
}
