package io.maap.events.actionplan;

import io.maap.events.Nullable;
import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * The Board agreed an action plan; from now on its actions are monitored. Sent once per plan.
 *
 * @param planId                   the plan
 * @param auditId                  the audit; also the Kafka key
 * @param programmeId              the programme the audit belongs to
 * @param agency                   the agency whose plan it is; null for the whole audit's plan
 * @param actions                  how many actions the agreed plan has
 * @param agreedBy                 who agreed it, e.g. "LSCB Board"
 * @param agreedOn                 the day it was agreed (Europe/London)
 * @param monitoringIntervalMonths how often progress is asked for (3: quarterly)
 * @param firstMonitoringRoundOn   the day of the first monitoring round
 * @param boardMeeting             the Board meeting that agreed it, as the QA coordinator named it; null when
 *                                 a Board member recorded the agreement (and in events from before this field)
 */
@EventType(name = "maap.action-plan.agreed", version = 1)
public record ActionPlanAgreed(
        String planId,
        String auditId,
        String programmeId,
        @Nullable String agency,
        int actions,
        String agreedBy,
        LocalDate agreedOn,
        int monitoringIntervalMonths,
        LocalDate firstMonitoringRoundOn,
        @Nullable String boardMeeting) implements ActionPlanEvent {

    /** An agreement recorded by a Board member, naming no meeting. */
    public ActionPlanAgreed(String planId, String auditId, String programmeId, String agency, int actions, String agreedBy,
                            LocalDate agreedOn, int monitoringIntervalMonths, LocalDate firstMonitoringRoundOn) {
        this(planId, auditId, programmeId, agency, actions, agreedBy, agreedOn, monitoringIntervalMonths,
                firstMonitoringRoundOn, null);
    }
}
