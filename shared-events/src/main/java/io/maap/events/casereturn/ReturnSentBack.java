package io.maap.events.casereturn;

import io.maap.events.EventType;
import io.maap.events.Sensitive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The partnership has found the agency's return not sufficiently robust or comprehensive and has
 * sent it back with its reasons. The agency must resubmit by {@code resubmissionDue}; the
 * version sent back stays on record.
 *
 * @param version         the version sent back
 * @param reasons         what the agency must put right
 * @param sentBackOn      the day (Europe/London)
 * @param resubmissionDue the new due date: a configurable number of working days (default 5) after {@code sentBackOn}
 */
@EventType(name = "maap.case-return.sent-back", version = 1)
public record ReturnSentBack(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        int version,
        @Sensitive List<String> reasons,
        @Sensitive String sentBackBy,
        Instant sentBackAt,
        LocalDate sentBackOn,
        LocalDate resubmissionDue) implements CaseReturnEvent {

    public ReturnSentBack {
        reasons = List.copyOf(reasons);
    }
}
