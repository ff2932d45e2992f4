package io.maap.actionplan.learning.command;

import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.Section11AuditPlanned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Record that an audit was commissioned, or a Section 11 audit planned, so that findings and
 * actions can be held against it.
 */
public record RegisterAudit(
        @TargetAggregateIdentifier String auditId,
        String programmeId,
        String title,
        String theme,
        List<String> participatingAgencies) {

    /** The theme a Section 11 audit is known by here. */
    public static final String SECTION_11 = "Section 11";

    /** A themed audit, once its tool and cases went to the agencies. */
    public static RegisterAudit of(AuditCommissioned audit) {
        return new RegisterAudit(audit.auditId(), audit.programmeId(), audit.title(), audit.theme(),
                audit.participatingAgencies());
    }

    /**
     * A Section 11 audit, once planned: each agency that self-assesses is challenged at a panel
     * (findings) and sends its own action plan.
     */
    public static RegisterAudit of(Section11AuditPlanned audit) {
        return new RegisterAudit(audit.auditId(), audit.programmeId(), audit.title(), SECTION_11, audit.agencies());
    }
}
