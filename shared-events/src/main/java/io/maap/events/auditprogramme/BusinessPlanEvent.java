package io.maap.events.auditprogramme;

/**
 * Events of a partnership's business plan for a year, published by audit-programme-service on
 * {@code maap.audit-programme.events.v1} beside the programme and audit events; the Kafka key is
 * the plan id.
 */
public sealed interface BusinessPlanEvent permits BusinessPlanAdopted, BusinessPlanPriorityRated, BusinessPlanItemLinked {

    /** The business plan the event belongs to; also the Kafka key. */
    String planId();
}
