package io.maap.notification.notification.messaging;

import io.maap.notification.notification.query.LocalView;
import io.maap.notification.rules.command.ConcernFacts;
import io.maap.notification.rules.command.Planned;
import io.maap.notification.rules.command.RequestFacts;
import io.maap.notification.rules.command.ReturnDates;
import io.maap.notification.rules.command.Safeguarding;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The dated checks, run every few seconds as a db-scheduler task (on one instance at a time) with
 * today's date from the service's clock: reminders on the reminder date, the overdue digest on the
 * first working day after a deadline, and the escalation of a safeguarding concern not acknowledged
 * within one working day. Each names its notification by the audit, agency and date (or the
 * concern), so running again the same day adds nothing. An escalation is decided only once the
 * case-returns topic is read up to its time ({@link Backlog}).
 */
@Component
public class ScheduledChecks {

    private final LocalView view;
    private final Notifier notifier;
    private final ReturnDates returnDates;
    private final Safeguarding safeguarding;
    private final Clock clock;
    private final Backlog backlog;

    public ScheduledChecks(LocalView view, Notifier notifier, ReturnDates returnDates, Safeguarding safeguarding,
                           Clock clock, Backlog backlog) {
        this.backlog = backlog;
        this.view = view;
        this.notifier = notifier;
        this.returnDates = returnDates;
        this.safeguarding = safeguarding;
        this.clock = clock;
    }

    @Transactional
    public int run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<RequestFacts> requests = view.awaitingRequests().stream().map(r -> new RequestFacts(r.requestId(),
                r.auditId(), r.programmeId(), r.agency(), r.caseReference(), r.dueDate(), r.reminderDate(), r.awaiting()))
                .toList();
        List<ConcernFacts> concerns = view.unacknowledgedConcerns().stream().map(c -> new ConcernFacts(c.concernId(),
                c.auditId(), c.programmeId(), c.agency(), c.caseReference(), c.raisedAt(), c.acknowledged())).toList();
        List<Planned> due = new ArrayList<>(returnDates.remindersDue(today, requests));
        due.addAll(returnDates.overdueDigestsDue(today, requests));
        due.addAll(safeguarding.escalationsDue(now, readUpToTheirTime(now, concerns)));
        return notifier.record(due, now);
    }

    /**
     * The concerns whose escalation is for this check to decide: those not yet due (nothing to
     * decide) and those due whose escalation time the case-returns topic has been read up to. One
     * due before that waits for a later check, so that an acknowledgement made in time but still
     * unread (after an outage) is read first; the broker is asked only when something is due.
     */
    private List<ConcernFacts> readUpToTheirTime(Instant now, List<ConcernFacts> concerns) {
        if (concerns.stream().allMatch(c -> now.isBefore(safeguarding.escalateAt(c.raisedAt())))) {
            return concerns;
        }
        Predicate<Instant> read = backlog.readUpTo();
        return concerns.stream().filter(c -> {
            Instant at = safeguarding.escalateAt(c.raisedAt());
            return now.isBefore(at) || read.test(at);
        }).toList();
    }
}
