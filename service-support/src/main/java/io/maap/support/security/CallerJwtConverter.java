package io.maap.support.security;

import io.maap.support.web.Patterns;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the caller from a verified token: {@code sub} (user id), {@code roles} (a list of
 * {@link MaapRole} names; unknown names are ignored), {@code agency} and {@code audit}. A token with no MAAP
 * role, with an agency-scoped role but no well-formed agency, or the audit lead role without an
 * audit, is refused as invalid (401):
 * it cannot be scoped safely.
 */
public class CallerJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ROLES_CLAIM = "roles";
    public static final String AGENCY_CLAIM = "agency";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<MaapRole> roles = EnumSet.noneOf(MaapRole.class);
        for (String value : claimValues(jwt.getClaim(ROLES_CLAIM))) {
            MaapRole.fromClaim(value).ifPresent(roles::add);
        }
        if (roles.isEmpty()) {
            throw new InvalidBearerTokenException("The token carries no MAAP role");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("The token has no subject");
        }
        String agency = jwt.getClaimAsString(AGENCY_CLAIM);
        if (agency != null && !agency.matches(Patterns.AGENCY)) {
            throw new InvalidBearerTokenException("The token's agency is not an agency code");
        }
        String audit = jwt.getClaimAsString(AuditLeads.AUDIT_CLAIM);
        if (audit != null && !audit.matches(Patterns.ID)) {
            throw new InvalidBearerTokenException("The token's audit is not an audit id");
        }
        Caller caller = new Caller(subject, roles, agency, audit);
        if (!caller.partnershipWide() && agency == null) {
            throw new InvalidBearerTokenException("An agency role needs the token's agency claim");
        }
        if (caller.has(MaapRole.AUDIT_LEAD) && audit == null) {
            throw new InvalidBearerTokenException("The audit lead role needs the token's audit claim");
        }
        return new CallerAuthentication(jwt, caller);
    }

    private static Collection<String> claimValues(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value) {
            return List.of(value.split("[ ,]+"));
        }
        return List.of();
    }
}
