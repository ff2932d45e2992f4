package io.maap.events.actionplan;

import io.maap.events.Nullable;
import io.maap.events.EventType;

import java.time.LocalDate;
import java.util.List;

/**
 * An agreed action plan was sent out to partners. Sent once per plan.
 *
 * @param planId          the plan
 * @param auditId         the audit; also the Kafka key
 * @param programmeId     the programme the audit belongs to
 * @param agency          the agency whose plan it is; null for the whole audit's plan
 * @param disseminatedTo  the agencies or groups it was sent to
 * @param disseminatedBy  who sent it
 * @param disseminatedOn  the day it was sent (Europe/London)
 */
@EventType(name = "maap.action-plan.disseminated", version = 1)
public record ActionPlanDisseminated(
        String planId,
        String auditId,
        String programmeId,
        @Nullable String agency,
        List<String> disseminatedTo,
        String disseminatedBy,
        LocalDate disseminatedOn) implements ActionPlanEvent {

    public ActionPlanDisseminated {
        disseminatedTo = List.copyOf(disseminatedTo);
    }
}
