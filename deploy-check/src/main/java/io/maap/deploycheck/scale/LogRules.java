package io.maap.deploycheck.scale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the event log says a read model and the deadlines must show, as arithmetic on stored events
 * (type and sequence in their aggregate): what the deployment check's scale-out phase and the fault
 * suite (resilience-tests' {@code EventLogCheck}) both check (docs/reliability.md).
 */
public final class LogRules {

    /** A stored event as the rules read it: its sequence number in its aggregate and its payload class's simple name. */
    public interface Logged {
        long sequence();

        String type();
    }

    /** One stored event: its aggregate, its sequence number in it and its payload class's simple name. */
    public record Event(String aggregate, long sequence, String type) implements Logged {
    }

    private LogRules() {
    }

    public static long count(List<? extends Logged> events, String... types) {
        Set<String> wanted = Set.of(types);
        return events.stream().filter(e -> wanted.contains(e.type())).count();
    }

    /**
     * A return request's document in reporting-service, replayed from its events in sequence order:
     * each event counted once (a repeat would raise sentBackCount or version, a gap leave lastSequence behind).
     */
    public static Map<String, Object> expectedReturn(List<? extends Logged> events) {
        long last = -1;
        String status = null;
        boolean overdue = false;
        long submissions = 0;
        for (Logged event : events) {
            last = event.sequence();
            switch (event.type()) {
                case "ReturnRequested" -> status = "AWAITING";
                case "ReturnSubmitted", "NilReturnSubmitted" -> {
                    status = "SUBMITTED";
                    overdue = false;
                    submissions++;
                }
                case "ReturnSentBack" -> {
                    status = "SENT_BACK";
                    overdue = false;
                }
                case "ReturnAccepted" -> status = "ACCEPTED";
                case "ReturnOverdue" -> overdue = true;
                case "ReturnDeadlineExtended" -> overdue = false;
                default -> {
                }
            }
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("lastSequence", last);
        expected.put("status", status);
        expected.put("received", submissions > 0);
        expected.put("version", submissions == 0 ? null : submissions);
        expected.put("sentBackCount", count(events, "ReturnSentBack"));
        expected.put("reminded", count(events, "ReturnReminderSent") > 0);
        expected.put("overdue", overdue);
        return expected;
    }

    /**
     * A return request's deadlines: reminded at most once, marked overdue at most once per due date
     * (the first, and one more per send-back or extension); one never answered ({@code untouched}: no
     * command but the commissioning, its dates long past) reminded and marked overdue exactly once.
     */
    public static List<String> returnDeadlines(String id, List<? extends Logged> events, boolean untouched) {
        List<String> problems = new ArrayList<>();
        long reminders = count(events, "ReturnReminderSent");
        long overdue = count(events, "ReturnOverdue");
        long dueDates = 1 + count(events, "ReturnSentBack", "ReturnDeadlineExtended");
        if (reminders > 1 || overdue > dueDates) {
            problems.add("return request " + id + " reminded " + reminders + " times and marked overdue " + overdue
                    + " times for " + dueDates + " due dates");
        }
        if (untouched && (reminders != 1 || overdue != 1)) {
            problems.add("return request " + id + ", never answered and past its dates, reminded " + reminders
                    + " and marked overdue " + overdue + " times (once each expected)");
        }
        return problems;
    }

    /** An action flagged overdue at most once per reopening; one past its due date and never closed exactly once. */
    public static List<String> actionDeadlines(String key, List<? extends Logged> history, boolean pastDue) {
        long overdue = count(history, "ActionOverdue");
        List<String> problems = new ArrayList<>();
        if (overdue > 1 + count(history, "ActionReopened")) {
            problems.add("action " + key + " flagged overdue " + overdue + " times");
        }
        if (pastDue && count(history, "ActionClosed") == 0 && overdue != 1) {
            problems.add("action " + key + ", open and past its due date, flagged overdue " + overdue + " times (once expected)");
        }
        return problems;
    }

    /** An action's document in reporting-service: one history entry per event, its open state and overdue flag. */
    public static Map<String, Object> expectedAction(List<? extends Logged> history) {
        boolean open = true;
        for (Logged event : history) {
            if (event.type().equals("ActionClosed")) {
                open = false;
            } else if (event.type().equals("ActionReopened")) {
                open = true;
            }
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("history", (long) history.size());
        expected.put("open", open);
        expected.put("updatesMissed", count(history, "ActionUpdateMissed"));
        expected.put("overdueFlagged", count(history, "ActionOverdue") > 0);
        return expected;
    }

    /** Numbers as longs, so that a document's int and the log's long compare equal. */
    public static Object normalise(Object value) {
        return value instanceof Number number ? (Object) number.longValue() : value;
    }
}
