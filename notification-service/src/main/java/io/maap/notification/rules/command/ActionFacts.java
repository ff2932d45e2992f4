package io.maap.notification.rules.command;

import java.time.LocalDate;

/** An action of a plan, as the dissemination message needs it. */
public record ActionFacts(String actionId, String planId, String auditId, String programmeId, String agency,
                          LocalDate dueDate) {
}
