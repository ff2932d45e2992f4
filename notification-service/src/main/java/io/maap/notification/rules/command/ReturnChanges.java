package io.maap.notification.rules.command;

import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnSentBack;

import java.util.List;
import java.util.Map;

/**
 * A return sent back, or a deadline extended: the agency's SPOC is told. A send-back's reasons are
 * free text and may hold case detail, so the message gives their number and points to the dashboard.
 */
public final class ReturnChanges {

    public List<Planned> sentBack(String eventId, ReturnSentBack sentBack) {
        return List.of(new Planned(eventId, Kind.SENT_BACK, List.of(Recipient.spoc(sentBack.agency())),
                sentBack.programmeId(), sentBack.agency(), sentBack.auditId(), false, Map.of(
                "auditId", sentBack.auditId(), "caseReference", sentBack.caseReference(),
                "reasonCount", Integer.toString(sentBack.reasons().size()),
                "resubmissionDue", sentBack.resubmissionDue().toString())));
    }

    public List<Planned> extended(String eventId, ReturnDeadlineExtended extended) {
        return List.of(new Planned(eventId, Kind.EXTENSION_GRANTED, List.of(Recipient.spoc(extended.agency())),
                extended.programmeId(), extended.agency(), extended.auditId(), false, Map.of(
                "auditId", extended.auditId(), "caseReference", extended.caseReference(),
                "previousDeadline", extended.previousDueDate().toString(),
                "deadline", extended.newDueDate().toString())));
    }
}
