package io.maap.actionplan.audit.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** What was learnt from one audit: it exists here once the audit is commissioned. */
@Aggregate
public class AuditLearning {

    @AggregateIdentifier
    private String auditId;

    protected AuditLearning() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterAudit command) {
        if (auditId != null) {
            return; // the commissioning arrived again
        }
        apply(new AuditRegistered(command.auditId(), command.programmeId(), command.title(), command.theme(),
                command.participatingAgencies()));
    }

    @EventSourcingHandler
    void on(AuditRegistered event) {
        this.auditId = event.auditId();
    }
}
