package io.maap.notification.rules.command;

import io.maap.events.auditprogramme.AuditCommissioned;

import java.util.List;
import java.util.Map;

/**
 * Tool sent: each participating agency's SPOC gets one message for the audit, listing the
 * agency's pseudonymised case references and the return deadline (not one message per case).
 */
public final class ToolSent {

    public List<Planned> when(String eventId, AuditCommissioned audit) {
        List<String> references = audit.cases().stream().map(AuditCommissioned.SampledCase::caseReference).toList();
        return audit.participatingAgencies().stream().sorted().map(agency -> new Planned(eventId + "/" + agency,
                Kind.TOOL_SENT, List.of(Recipient.spoc(agency)), audit.programmeId(), agency, audit.auditId(), false,
                Map.of("audit", audit.title(), "auditId", audit.auditId(), "caseReferences", Facts.list(references),
                        "caseCount", Integer.toString(references.size()), "deadline", audit.returnDeadline().toString(),
                        "reminderDate", audit.reminderDate().toString()))).toList();
    }
}
