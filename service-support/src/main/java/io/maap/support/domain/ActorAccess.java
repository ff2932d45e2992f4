package io.maap.support.domain;

import java.util.Objects;

/**
 * Who sends a command, as much as an aggregate needs to decide whether they may act on one of
 * its objects: their role and, for agency staff and agency systems, their agency. A
 * partnership-wide actor (the QA coordinator, a Board member) acts on every agency's objects; an
 * agency's actor only on that agency's. Another agency's object is refused with
 * {@link NotVisible}, answered exactly like one that does not exist, so its existence does not leak.
 *
 * <p>The aggregate decides from its own state (an action's owning agency, a request's agency),
 * not from a read model, so the refusal holds before the read model has caught up and during a replay.
 *
 * @param role   the actor's role, e.g. {@code LEAD_OFFICER}, {@code AGENCY_SYSTEM}
 * @param agency the actor's agency, or null for a partnership-wide actor
 */
public record ActorAccess(String role, String agency) {

    public ActorAccess {
        Objects.requireNonNull(role, "role");
    }

    /** An actor who acts for the partnership, on every agency's objects. */
    public static ActorAccess partnership(String role) {
        return new ActorAccess(role, null);
    }

    /** An actor confined to one agency's objects. */
    public static ActorAccess ofAgency(String role, String agency) {
        return new ActorAccess(role, Objects.requireNonNull(agency, "agency"));
    }

    /** An agency's own system, sending over its Kafka topic. */
    public static ActorAccess agencySystem(String agency) {
        return ofAgency("AGENCY_SYSTEM", agency);
    }

    public boolean partnershipWide() {
        return agency == null;
    }

    /** True when the actor may act on an object that belongs to this agency. */
    public boolean mayActOn(String objectAgency) {
        return partnershipWide() || agency.equals(objectAgency);
    }

    /**
     * Passes when the actor may act on an object of {@code objectAgency}; otherwise throws
     * {@link NotVisible} with {@code notFound}, the words used for an object that does not exist.
     * A command without an actor is refused the same way.
     */
    public static void require(ActorAccess actor, String objectAgency, String notFound) {
        if (actor == null || !actor.mayActOn(objectAgency)) {
            throw new NotVisible(notFound);
        }
    }
}
