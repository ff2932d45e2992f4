package io.maap.notification.rules.command;

import java.time.LocalDate;

/** A return request as the dated checks need it: still awaiting a return or not, and its dates. */
public record RequestFacts(String requestId, String auditId, String programmeId, String agency, String caseReference,
                           LocalDate dueDate, LocalDate reminderDate, boolean awaiting) {
}
