package io.maap.actionplan;

import io.maap.support.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.maap.support.security.ApiAccessRules.roles;
import static io.maap.support.security.MaapRole.BOARD_MEMBER;
import static io.maap.support.security.MaapRole.LEAD_OFFICER;
import static io.maap.support.security.MaapRole.QA_COORDINATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may do what with findings and actions. The QA coordinator runs the learning (findings,
 * plans, monitoring); a lead officer sees and updates only the actions their agency owns
 * (checked per object, 404 for any other's); the Board reads everything.
 */
@Configuration(proxyBeanMethods = false)
public class ActionPlanSecurity {

    private static final String ACTION = "/api/audits/{auditId}/actions/{actionId}";

    @Bean
    ApiAccessRules actionPlanAccessRules() {
        return rules -> rules
                .requestMatchers(GET, "/api/actions", ACTION)
                .hasAnyRole(roles(BOARD_MEMBER, QA_COORDINATOR, LEAD_OFFICER))
                .requestMatchers(POST, ACTION + "/progress-updates", ACTION + "/closure")
                .hasAnyRole(roles(QA_COORDINATOR, LEAD_OFFICER))
                .requestMatchers(GET, "/api/audits/{auditId}", "/api/audits/{auditId}/findings",
                        "/api/audits/{auditId}/action-plans", "/api/finding-aspects")
                .hasAnyRole(roles(BOARD_MEMBER, QA_COORDINATOR))
                .requestMatchers(POST, "/api/audits/{auditId}/**", "/api/finding-aspects")
                .hasRole(QA_COORDINATOR.name());
    }
}
