package io.maap.events.casereturn;

/** Events published by case-return-service on {@code maap.case-returns.events.v1}. */
public sealed interface CaseReturnEvent permits ReturnRequested {

    /** The return request the event belongs to; also the Kafka key. */
    String returnRequestId();
}
