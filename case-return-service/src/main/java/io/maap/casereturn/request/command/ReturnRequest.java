package io.maap.casereturn.request.command;

import io.maap.events.casereturn.ReturnRequested;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One agency's return on one case of an audit, from request to acceptance. */
@Aggregate
public class ReturnRequest {

    @AggregateIdentifier
    private String returnRequestId;

    protected ReturnRequest() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestReturn command) {
        if (returnRequestId != null) {
            return; // the audit's commissioning arrived again: the request exists already
        }
        apply(new ReturnRequested(command.returnRequestId(), command.auditId(), command.programmeId(),
                command.caseReference(), command.caseType(), command.agency(), command.requestedOn(),
                command.dueDate(), command.reminderDate()));
    }

    @EventSourcingHandler
    void on(ReturnRequested event) {
        this.returnRequestId = event.returnRequestId();
    }
}
