package io.maap.actionplan;

import io.maap.support.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.maap.support.security.ApiAccessRules.roles;
import static io.maap.support.security.AuditLeads.rolesOrLeadOfTheAudit;
import static io.maap.support.security.MaapRole.BOARD_MEMBER;
import static io.maap.support.security.MaapRole.LEAD_OFFICER;
import static io.maap.support.security.MaapRole.QA_COORDINATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may do what with findings and actions. The QA coordinator runs the learning (findings,
 * plans, monitoring); a lead officer sees and updates only the actions their agency owns
 * (checked per object, 404 for any other's) and proposes their closure, which the QA coordinator
 * or a Board member accepts or returns; the Board reads everything; an audit lead reads their
 * audit's findings, plans and actions, every agency's.
 */
@Configuration(proxyBeanMethods = false)
public class ActionPlanSecurity {

    private static final String ACTION = "/api/audits/{auditId}/actions/{actionId}";

    @Bean
    ApiAccessRules actionPlanAccessRules() {
        return rules -> rules
                .requestMatchers(GET, "/api/actions", ACTION)
                .access(rolesOrLeadOfTheAudit(BOARD_MEMBER, QA_COORDINATOR, LEAD_OFFICER))
                .requestMatchers(POST, ACTION + "/progress-updates", ACTION + "/closure-proposal")
                .hasAnyRole(roles(QA_COORDINATOR, LEAD_OFFICER))
                .requestMatchers(POST, ACTION + "/closure", ACTION + "/closure-proposal/confirmation",
                        ACTION + "/closure-proposal/return")
                .hasAnyRole(roles(QA_COORDINATOR, BOARD_MEMBER))
                .requestMatchers(GET, "/api/audits/{auditId}", "/api/audits/{auditId}/findings",
                        "/api/audits/{auditId}/action-plans")
                .access(rolesOrLeadOfTheAudit(BOARD_MEMBER, QA_COORDINATOR))
                .requestMatchers(GET, "/api/finding-aspects")
                .hasAnyRole(roles(BOARD_MEMBER, QA_COORDINATOR))
                .requestMatchers(POST, "/api/audits/{auditId}/action-plans/{planId}/agreement")
                .hasAnyRole(roles(QA_COORDINATOR, BOARD_MEMBER))
                .requestMatchers(POST, "/api/audits/{auditId}/**", "/api/finding-aspects")
                .hasRole(QA_COORDINATOR.name());
    }
}
