package io.maap.events.casereturn;

import io.maap.events.EventType;
import io.maap.events.Nullable;
import io.maap.events.Sensitive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The agency has declared that it had no involvement with the child, sibling group or
 * parents/carers in the period its partnership's policy says a nil return covers (Hackney: the
 * twelve months before the audit; North East Lincolnshire: none "historically, previously or
 * currently"), so it has nothing to return on the case. A nil return completes the agency's part
 * like a return does and is quality-assured the same way.
 *
 * @param version              numbered with the request's returns
 * @param noInvolvementFrom    the first day of the period declared (by default twelve months before
 *                             {@code noInvolvementTo}); null when the declaration covers any time
 *                             (North East Lincolnshire); events recorded before it could be null carry
 *                             {@link #ANY_TIME} instead, which readers take as null
 * @param noInvolvementTo      the day the tool was sent
 * @param workingDaysLate      working days after {@code dueDate}; 0 when on time
 * @param declaration          what the agency declared, in its partnership's words (the audit's policy);
 *                             null when recorded before this field existed
 */
@EventType(name = "maap.case-return.nil-return-submitted", version = 1)
public record NilReturnSubmitted(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        int version,
        @Sensitive String submittedBy,
        Instant submittedAt,
        LocalDate submittedOn,
        LocalDate dueDate,
        int workingDaysLate,
        String channel,
        @Nullable LocalDate noInvolvementFrom,
        LocalDate noInvolvementTo,
        @Nullable String declaration) implements CaseReturnEvent {

    /**
     * The placeholder {@code noInvolvementFrom} of a declaration covering any time ("historically,
     * previously or currently") in events recorded before the field could be null; read it as null
     * ({@link #coversAnyTime()}). New events carry null.
     */
    @Deprecated
    public static final LocalDate ANY_TIME = LocalDate.of(1900, 1, 1);

    /** True when the declaration covers any time: no first day (null, or the old placeholder). */
    public boolean coversAnyTime() {
        return noInvolvementFrom == null || ANY_TIME.equals(noInvolvementFrom);
    }

    /** A nil return recorded without the partnership's words. */
    public NilReturnSubmitted(String returnRequestId, String auditId, String programmeId, String caseReference,
                              String agency, int version, String submittedBy, Instant submittedAt, LocalDate submittedOn,
                              LocalDate dueDate, int workingDaysLate, String channel, LocalDate noInvolvementFrom,
                              LocalDate noInvolvementTo) {
        this(returnRequestId, auditId, programmeId, caseReference, agency, version, submittedBy, submittedAt, submittedOn,
                dueDate, workingDaysLate, channel, noInvolvementFrom, noInvolvementTo, null);
    }
}
