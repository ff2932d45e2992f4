package io.maap.events.casereturn;

import io.maap.events.CaseType;
import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * An agency has been asked for its return on one case of a commissioned audit. Sent once per
 * case and participating agency, when case-return-service learns that the audit was
 * commissioned. The request stays outstanding until the agency submits a return or a nil return.
 *
 * @param returnRequestId the request's identifier, derived from audit, case and agency
 * @param auditId         the audit the case belongs to
 * @param programmeId     the programme the audit belongs to
 * @param caseReference   the pseudonymised case reference
 * @param caseType        the case's status when sampled
 * @param agency          the agency code asked for the return
 * @param requestedOn     the day the tool was sent
 * @param dueDate         the last day on which the return is on time
 * @param reminderDate    the working day on which a reminder is sent if nothing has arrived
 */
@EventType(name = "maap.case-return.requested", version = 1)
public record ReturnRequested(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        CaseType caseType,
        String agency,
        LocalDate requestedOn,
        LocalDate dueDate,
        LocalDate reminderDate) implements CaseReturnEvent {
}
