package io.maap.auditprogramme.programme.command;

import io.maap.events.auditprogramme.ProgrammeAgreed;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partnership's annual multi-agency audit programme. Its audits are aggregates of their own
 * that name the programme; the programme only has to exist before they are planned.
 */
@Aggregate(cache = AxonSupportAutoConfiguration.AGGREGATE_CACHE)
public class Programme {

    @AggregateIdentifier
    private String programmeId;
    private ProgrammeAgreed agreed;

    protected Programme() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AgreeProgramme command) {
        var event = new ProgrammeAgreed(command.programmeId(), command.partnership(), command.title(),
                command.periodStart(), command.periodEnd(), command.agreedOn(), command.agreedBy());
        if (event.equals(agreed)) {
            return;
        }
        if (agreed != null) {
            throw new RuleViolation("programme-already-agreed",
                    "Programme " + command.programmeId() + " was already agreed with other details.");
        }
        if (!command.periodEnd().isAfter(command.periodStart())) {
            throw new RuleViolation("programme-period-invalid", "The programme period must end after it starts.");
        }
        if (command.agreedOn().isAfter(command.periodEnd())) {
            throw new RuleViolation("programme-agreed-too-late", "A programme is agreed before its period ends.");
        }
        apply(event);
    }

    @EventSourcingHandler
    void on(ProgrammeAgreed event) {
        programmeId = event.programmeId();
        agreed = event;
    }
}
