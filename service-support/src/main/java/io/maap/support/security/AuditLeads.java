package io.maap.support.security;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.function.Supplier;

/**
 * Access for the lead of one audit ({@link MaapRole#AUDIT_LEAD}, seed 000's "Chair of LSCB
 * Learning and Improvement Sub-Group"): a request about their audit, named by the path
 * variable {@code {auditId}} or the parameter {@code auditId}, across every agency. A request
 * that names no audit, or another one, is not theirs.
 */
public final class AuditLeads {

    /** The token claim naming the audit an audit lead leads. */
    public static final String AUDIT_CLAIM = "audit";
    public static final String AUDIT_VARIABLE = "auditId";

    private AuditLeads() {
    }

    /** Granted to the roles, and to the lead of the audit the request is about. */
    public static AuthorizationManager<RequestAuthorizationContext> rolesOrLeadOfTheAudit(MaapRole... roles) {
        AuthorityAuthorizationManager<RequestAuthorizationContext> byRole =
                AuthorityAuthorizationManager.hasAnyRole(ApiAccessRules.roles(roles));
        return (authentication, context) -> {
            AuthorizationResult result = byRole.authorize(authentication, context);
            if (result != null && result.isGranted()) {
                return result;
            }
            return new AuthorizationDecision(leadsTheAudit(authentication, context));
        };
    }

    private static boolean leadsTheAudit(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof CallerAuthentication caller) || !caller.caller().has(MaapRole.AUDIT_LEAD)
                || caller.caller().audit() == null) {
            return false;
        }
        String audit = context.getVariables().get(AUDIT_VARIABLE);
        String[] parameters = context.getRequest().getParameterValues(AUDIT_VARIABLE);
        if (parameters != null && parameters.length > 1) {
            return false;
        }
        String parameter = parameters == null ? null : parameters[0];
        if (audit == null) {
            audit = parameter;
        } else if (parameter != null && !parameter.equals(audit)) {
            return false;
        }
        return caller.caller().audit().equals(audit);
    }
}
