package io.maap.notification.rules.command;

import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.support.calendar.WorkingDayCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A safeguarding concern raised while auditing reaches the agency's safeguarding lead and the QA
 * coordinator at once, marked urgent. If it is not acknowledged within one working day (the same
 * time on the next working day), the QA coordinator and the audit's lead are told, once. What is
 * due is recomputed from the concern's facts (not scheduled once), so a service that was down at
 * the time escalates at its next check; a concern acknowledged only after its escalation time is
 * escalated too (with {@code now} = when it was acknowledged), as it would have been had the
 * service been up.
 */
public final class Safeguarding {

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    public Safeguarding(WorkingDayCalendar calendar, ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    public List<Planned> raised(String eventId, SafeguardingConcernRaised raised) {
        return List.of(new Planned(eventId, Kind.SAFEGUARDING_CONCERN,
                List.of(Recipient.safeguardingLead(raised.agency()), Recipient.qaCoordinator()), raised.programmeId(),
                raised.agency(), raised.auditId(), true, Map.of("auditId", raised.auditId(),
                "caseReference", raised.caseReference(), "raisedOn", raised.raisedAt().atZone(zone).toLocalDate().toString())));
    }

    public List<Planned> escalationsDue(Instant now, Collection<ConcernFacts> concerns) {
        return concerns.stream().filter(c -> !c.acknowledged() && !now.isBefore(escalateAt(c.raisedAt())))
                .map(c -> new Planned("escalation:" + c.concernId(), Kind.SAFEGUARDING_ESCALATION,
                        List.of(Recipient.qaCoordinator(), Recipient.auditLead(c.auditId())), c.programmeId(), c.agency(),
                        c.auditId(), true, Map.of("auditId", c.auditId(), "caseReference", c.caseReference(),
                        "agency", c.agency(), "raisedOn", c.raisedAt().atZone(zone).toLocalDate().toString())))
                .toList();
    }

    /** One working day after it was raised: the same time of day on the next working day. */
    public Instant escalateAt(Instant raisedAt) {
        ZonedDateTime raised = raisedAt.atZone(zone);
        LocalDate next = calendar.addWorkingDays(raised.toLocalDate(), 1);
        return raised.with(next).toInstant();
    }
}
