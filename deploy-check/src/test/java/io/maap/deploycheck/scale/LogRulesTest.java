package io.maap.deploycheck.scale;

import io.maap.deploycheck.scale.LogRules.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogRulesTest {

    private static List<Event> events(String... types) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            events.add(new Event("r1", i, types[i]));
        }
        return events;
    }

    @Test
    void aReturnDocumentReflectsEachEventOnce() {
        assertThat(LogRules.expectedReturn(events("ReturnRequested", "ReturnReminderSent", "ReturnOverdue", "ReturnAcknowledged",
                "ReturnSubmitted", "ReturnSentBack", "ReturnSubmitted", "ReturnAccepted")))
                .containsEntry("lastSequence", 7L).containsEntry("status", "ACCEPTED").containsEntry("received", true)
                .containsEntry("version", 2L).containsEntry("sentBackCount", 1L).containsEntry("reminded", true)
                .containsEntry("overdue", false);
        assertThat(LogRules.expectedReturn(events("ReturnRequested", "ReturnReminderSent", "ReturnOverdue")))
                .containsEntry("status", "AWAITING").containsEntry("version", null).containsEntry("overdue", true);
    }

    @Test
    void aDeadlineFiredTwiceIsAProblem() {
        assertThat(LogRules.returnDeadlines("r1", events("ReturnRequested", "ReturnReminderSent", "ReturnReminderSent"), false))
                .singleElement().asString().contains("reminded 2 times");
        assertThat(LogRules.returnDeadlines("r1", events("ReturnRequested", "ReturnOverdue", "ReturnOverdue"), false))
                .singleElement().asString().contains("marked overdue 2 times for 1 due dates");
        // A send-back gives a second due date, so a second overdue mark is right.
        assertThat(LogRules.returnDeadlines("r1", events("ReturnRequested", "ReturnReminderSent", "ReturnOverdue", "ReturnSubmitted",
                "ReturnSentBack", "ReturnOverdue"), false)).isEmpty();
    }

    @Test
    void anUntouchedRequestPastItsDatesFiresEachDeadlineExactlyOnce() {
        assertThat(LogRules.returnDeadlines("r1", events("ReturnRequested", "ReturnReminderSent", "ReturnOverdue"), true)).isEmpty();
        assertThat(LogRules.returnDeadlines("r1", events("ReturnRequested", "ReturnReminderSent"), true))
                .singleElement().asString().contains("once each expected");
        assertThat(LogRules.returnDeadlines("r1", events("ReturnRequested", "ReturnReminderSent"), false)).isEmpty();
    }

    @Test
    void anActionIsFlaggedOverdueOncePerReopening() {
        assertThat(LogRules.actionDeadlines("a/a1", events("ActionAdded", "ActionOverdue"), true)).isEmpty();
        assertThat(LogRules.actionDeadlines("a/a1", events("ActionAdded"), true)).singleElement().asString()
                .contains("flagged overdue 0 times");
        assertThat(LogRules.actionDeadlines("a/a1", events("ActionAdded", "ActionOverdue", "ActionOverdue"), false)).hasSize(1);
        assertThat(LogRules.actionDeadlines("a/a1", events("ActionAdded", "ActionOverdue", "ActionClosed", "ActionReopened",
                "ActionOverdue"), false)).isEmpty();
        assertThat(LogRules.expectedAction(events("ActionAdded", "ActionOverdue", "ActionClosed")))
                .containsEntry("history", 3L).containsEntry("open", false).containsEntry("overdueFlagged", true)
                .containsEntry("updatesMissed", 0L);
    }

    @Test
    void aTokenOwnerNamesItsProcess() {
        assertThat(Participation.pidOf("4711@host")).isEqualTo(4711L);
        assertThat(Participation.pidOf(null)).isNull();
        assertThat(Participation.pidOf("node-a")).isNull();
        assertThat(new Participation(pid -> pid == 4711L ? "case-return-service-2" : null, address -> null).instance("4711@x"))
                .isEqualTo("case-return-service-2");
    }
}
