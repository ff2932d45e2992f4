package io.maap.actionplan.learning.event;

import java.util.List;

/** Internal to action-plan-service: the audit is known here and can receive findings. */
public record AuditRegistered(
        String auditId,
        String programmeId,
        String title,
        String theme,
        List<String> participatingAgencies) {
}
