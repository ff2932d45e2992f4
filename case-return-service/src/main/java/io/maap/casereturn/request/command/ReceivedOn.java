package io.maap.casereturn.request.command;

import io.maap.events.casereturn.ReturnRequested;
import io.maap.support.domain.ActorAccess;
import io.maap.support.domain.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The day a return arrived. Normally the day it is submitted; the partnership (the QA
 * coordinator) may enter a return it received on an earlier day, on paper or by secure email, or
 * a past year's returns, on the day it came, so that its lateness and every "as of" view count
 * from that day. Agency staff and agency systems submit on the day: they may not date a return.
 */
final class ReceivedOn {

    private ReceivedOn() {
    }

    static LocalDate day(ReturnRequested request, LocalDate receivedOn, Instant submittedAt, ActorAccess actor,
                         ReturnDeadlines deadlines) {
        LocalDate today = deadlines.dateOf(submittedAt);
        if (receivedOn == null || receivedOn.equals(today)) {
            return today;
        }
        if (actor == null || !actor.partnershipWide()) {
            throw new RuleViolation("received-on-partnership-only",
                    "Only the partnership enters a return received on an earlier day; an agency submits on the day.");
        }
        if (receivedOn.isAfter(today)) {
            throw new RuleViolation("received-on-in-future", "A return cannot be received on " + receivedOn
                    + ", after today (" + today + ").");
        }
        if (receivedOn.isBefore(request.requestedOn())) {
            throw new RuleViolation("received-on-before-request", "A return cannot be received on " + receivedOn
                    + ", before it was requested on " + request.requestedOn() + ".");
        }
        return receivedOn;
    }
}
