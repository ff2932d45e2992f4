package io.maap.events.actionplan;

import io.maap.events.Nullable;
import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * An action plan responding to an audit was drafted: for the whole audit, or for one agency
 * (a Section 11 self-assessment's plan). Sent once per plan.
 *
 * @param planId      the plan's identifier
 * @param auditId     the audit it responds to; also the Kafka key
 * @param programmeId the programme the audit belongs to
 * @param agency      the agency whose plan it is; null for the whole audit's plan
 * @param title       the plan's title
 * @param draftedBy   who drafted it
 * @param draftedOn   the day it was drafted (Europe/London)
 */
@EventType(name = "maap.action-plan.drafted", version = 1)
public record ActionPlanDrafted(
        String planId,
        String auditId,
        String programmeId,
        @Nullable String agency,
        String title,
        String draftedBy,
        LocalDate draftedOn) implements ActionPlanEvent {
}
