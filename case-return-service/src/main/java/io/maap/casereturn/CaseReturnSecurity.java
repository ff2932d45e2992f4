package io.maap.casereturn;

import io.maap.support.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.maap.support.security.ApiAccessRules.roles;
import static io.maap.support.security.AuditLeads.rolesOrLeadOfTheAudit;
import static io.maap.support.security.MaapRole.AGENCY_AUDITOR;
import static io.maap.support.security.MaapRole.AGENCY_SPOC;
import static io.maap.support.security.MaapRole.QA_COORDINATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may do what with returns. Agency staff act only on their own agency's requests (checked
 * per object in the controllers, answering 404 for any other's); the QA coordinator acts on
 * every agency's, including recording returns for agencies that send them on paper; an audit lead
 * lists their audit's return requests, every agency's. An agency's own case number for a case is
 * its SPOC's alone.
 */
@Configuration(proxyBeanMethods = false)
public class CaseReturnSecurity {

    private static final String REQUEST = "/api/return-requests/{id}";

    @Bean
    ApiAccessRules caseReturnAccessRules() {
        return rules -> rules
                .requestMatchers(REQUEST + "/agency-case-number")
                .hasRole(AGENCY_SPOC.name())
                .requestMatchers(GET, "/api/return-requests")
                .access(rolesOrLeadOfTheAudit(QA_COORDINATOR, AGENCY_SPOC, AGENCY_AUDITOR))
                .requestMatchers(GET, REQUEST, REQUEST + "/versions", REQUEST + "/safeguarding-concerns")
                .hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC, AGENCY_AUDITOR))
                .requestMatchers(POST, REQUEST + "/acknowledgement", REQUEST + "/auditor")
                .hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(POST, REQUEST + "/submissions", REQUEST + "/nil-return", REQUEST + "/safeguarding-concerns")
                .hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC, AGENCY_AUDITOR))
                .requestMatchers(POST, REQUEST + "/safeguarding-concerns/{concernId}/acknowledgement")
                .hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(POST, REQUEST + "/acceptance", REQUEST + "/send-back", REQUEST + "/extension")
                .hasRole(QA_COORDINATOR.name())
                .requestMatchers(GET, "/api/safeguarding-concerns/urgent")
                .hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(GET, "/api/access-records")
                .hasRole(QA_COORDINATOR.name())
                .requestMatchers(GET, "/api/retention/audits/{auditId}/shredding")
                .hasRole(QA_COORDINATOR.name())
                .requestMatchers(POST, "/api/retention/audits/{auditId}/shredding")
                .hasRole(QA_COORDINATOR.name());
    }
}
