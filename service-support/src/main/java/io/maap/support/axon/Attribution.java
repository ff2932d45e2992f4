package io.maap.support.axon;

import io.maap.support.security.Caller;
import io.maap.support.security.CorrelationId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Makes every change attributable: a command dispatched while a person's request is handled
 * carries who they are (user id, role, agency) and the request's correlation id in its
 * metadata, and the events it causes copy them. Commands from other sources (agency systems
 * over Kafka, deadlines) name their own origin the same way.
 */
public final class Attribution {

    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_AGENCY = "actorAgency";
    public static final String CORRELATION_ID = "requestCorrelationId";
    static final List<String> KEYS = List.of(ACTOR, ACTOR_ROLE, ACTOR_AGENCY, CORRELATION_ID);

    private Attribution() {
    }

    /** Metadata naming a non-person origin, e.g. {@code ("agency-system", "met-police")}. */
    public static Map<String, String> of(String actor, String role, String agency, String correlationId) {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(ACTOR, actor);
        metaData.put(ACTOR_ROLE, role);
        if (agency != null) {
            metaData.put(ACTOR_AGENCY, agency);
        }
        if (correlationId != null) {
            metaData.put(CORRELATION_ID, correlationId);
        }
        return metaData;
    }

    /** Adds the current caller and correlation id to commands dispatched on a request thread. */
    public static MessageDispatchInterceptor<CommandMessage<?>> callerOnCommands() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    if (command.getMetaData().containsKey(ACTOR)) {
                        return command;
                    }
                    var caller = Caller.current();
                    if (caller.isEmpty()) {
                        return command;
                    }
                    Caller who = caller.get();
                    return command.andMetaData(of(who.userId(), who.primaryRole().name(), who.agency(),
                            CorrelationId.current().orElse(null)));
                };
            }
        };
    }

    /** Copies the attribution of a command onto the events it causes. */
    public static CorrelationDataProvider eventsInherit() {
        return new SimpleCorrelationDataProvider(KEYS.toArray(String[]::new));
    }
}
