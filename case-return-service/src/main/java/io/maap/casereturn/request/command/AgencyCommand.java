package io.maap.casereturn.request.command;

import io.maap.support.domain.ActorAccess;

/**
 * A command agency staff (or the agency's own system) may send on a return request: it names its
 * actor, and the request refuses an actor of another agency as if it did not exist
 * ({@link ActorAccess}), deciding from its own agency, not from a read model.
 */
public interface AgencyCommand {

    ActorAccess actor();
}
