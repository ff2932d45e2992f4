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
    void lateSubmissionsAreLate() {
        LoadGenerator.AuditPlan plan = new LoadGenerator(42).plan(3);
        assertThat(plan.requests()).hasSize(plan.cases().size() * plan.agencies().size());
        plan.requests().forEach(r -> assertThat(r.workingDaysLate() > 0).isEqualTo(r.outcome() == LoadGenerator.Outcome.LATE));
    }
}
