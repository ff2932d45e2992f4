package io.maap.support.security;

import io.maap.support.domain.ActorAccess;
import io.maap.support.web.NotFoundException;

import java.util.function.Supplier;

/**
 * Object-level authorisation by agency. An agency-scoped caller sees only its own agency's
 * objects: another agency's object is reported as not found (404), so that its existence does
 * not leak, and lists are confined to the caller's agency. Commands carry the caller as an
 * {@link ActorAccess} ({@link #actor()}), and the aggregate decides by its own object's agency.
 */
public final class AgencyScope {

    /** A filter value no agency code can equal (codes are lower-case letters, digits and '-'). */
    public static final String NO_AGENCY = "~none~";

    private AgencyScope() {
    }

    /**
     * The agency filter to apply to a list the caller asked for: the requested one for a
     * partnership-wide caller (null: all agencies); the caller's own agency for an agency-scoped
     * caller who asked for it or for none; {@link #NO_AGENCY} (an empty list) for one who asked
     * for another agency.
     */
    public static String filter(String requestedAgency) {
        Caller caller = Caller.require();
        if (caller.partnershipWide()) {
            return requestedAgency;
        }
        return requestedAgency == null || requestedAgency.equals(caller.agency()) ? caller.agency() : NO_AGENCY;
    }

    /** Passes when the caller may see an object of this agency; otherwise throws the given 404. */
    public static void requireVisible(String objectAgency, Supplier<NotFoundException> notFound) {
        if (!Caller.require().mayAccess(objectAgency)) {
            throw notFound.get();
        }
    }

    /**
     * The current caller as the actor of a command: partnership-wide, or confined to their agency
     * (an agency-scoped caller always has one: a token without it is refused).
     */
    public static ActorAccess actor() {
        Caller caller = Caller.require();
        String role = caller.primaryRole().name();
        return caller.partnershipWide() ? ActorAccess.partnership(role) : ActorAccess.ofAgency(role, caller.agency());
    }
}
