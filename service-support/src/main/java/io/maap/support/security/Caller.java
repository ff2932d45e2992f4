package io.maap.support.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the verified token says: the user id ({@code sub}), the roles, for
 * agency-scoped roles the agency and for an audit lead the audit. Partnership-wide roles (QA
 * coordinator, Board member) see every agency's objects; an audit lead every agency's objects of
 * their audit (the access rules confine them to it, {@link AuditLeads}); everyone else only their
 * own agency's.
 */
public record Caller(String userId, Set<MaapRole> roles, String agency, String audit) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Caller(String userId, Set<MaapRole> roles, String agency) {
        this(userId, roles, agency, null);
    }

    /** The caller of the current request, if one is authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication callerAuthentication) {
            return Optional.of(callerAuthentication.caller());
        }
        return Optional.empty();
    }

    /** The caller of the current request; fails when there is none (the endpoint should not have been reachable). */
    public static Caller require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
    }

    public boolean has(MaapRole role) {
        return roles.contains(role);
    }

    /** True when the caller sees every agency's objects. */
    public boolean partnershipWide() {
        return roles.stream().anyMatch(role -> !role.agencyScoped());
    }

    /** The agency the caller is confined to, or empty when partnership-wide. */
    public Optional<String> agencyScope() {
        return partnershipWide() ? Optional.empty() : Optional.ofNullable(agency);
    }

    /** True when an object of this agency is visible to (and may be acted on by) the caller. */
    public boolean mayAccess(String objectAgency) {
        return partnershipWide() || (agency != null && agency.equals(objectAgency));
    }

    /** The primary role, for attribution: the first partnership-wide role, else the first held. */
    public MaapRole primaryRole() {
        return roles.stream().filter(role -> !role.agencyScoped()).findFirst()
                .orElseGet(() -> roles.stream().sorted().findFirst().orElseThrow());
    }
}
