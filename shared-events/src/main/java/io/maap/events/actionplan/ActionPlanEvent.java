package io.maap.events.actionplan;

/**
 * Events published by action-plan-service on {@code maap.action-plans.events.v1}: what the
 * challenge day found, the action plans agreed in response, and how each action was monitored
 * and closed. The Kafka key is the audit id, except for {@link FindingAspectRegistered}, keyed
 * by the partnership. Every event carries the programme and audit, so the QA scorecard can be
 * built from these events alone.
 */
public sealed interface ActionPlanEvent permits FindingAspectRegistered, FindingRecorded, GoodPracticeRecognised,
        ActionPlanDrafted, ActionPlanAgreed, ActionPlanDisseminated, ActionAdded, ActionProgressReported,
        ActionUpdateRequested, ActionUpdateMissed, ActionOverdue, ActionClosureProposed, ActionClosureReturned, ActionClosed,
        ActionReopened {
}
