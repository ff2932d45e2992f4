package io.maap.actionplan.aspect.command;

import io.maap.events.actionplan.FindingAspectRegistered;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The aspects a partnership records findings under, beyond the defaults. */
@Aggregate(cache = AxonSupportAutoConfiguration.AGGREGATE_CACHE)
public class PartnershipAspects {

    @AggregateIdentifier
    private String partnershipId;
    private final Map<String, String> registered = new HashMap<>();

    protected PartnershipAspects() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterAspect command) {
        if (Aspects.DEFAULTS.containsKey(command.aspect())) {
            throw new RuleViolation("aspect-is-default", "'" + command.aspect() + "' is already a default aspect.");
        }
        String label = registered.get(command.aspect());
        if (label != null) {
            if (label.equals(command.label())) {
                return; // a retried request
            }
            throw new RuleViolation("aspect-already-registered",
                    "The aspect '" + command.aspect() + "' is already registered as '" + label + "'.");
        }
        apply(new FindingAspectRegistered(command.partnershipId(), command.aspect(), command.label(),
                command.registeredBy(), command.registeredOn()));
    }

    @EventSourcingHandler
    void on(FindingAspectRegistered event) {
        this.partnershipId = event.partnershipId();
        registered.put(event.aspect(), event.label());
    }
}
