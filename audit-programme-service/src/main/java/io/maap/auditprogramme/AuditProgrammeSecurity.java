package io.maap.auditprogramme;

import io.maap.support.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.maap.support.security.ApiAccessRules.roles;
import static io.maap.support.security.AuditLeads.rolesOrLeadOfTheAudit;
import static io.maap.support.security.MaapRole.AGENCY_AUDITOR;
import static io.maap.support.security.MaapRole.AGENCY_SPOC;
import static io.maap.support.security.MaapRole.BOARD_MEMBER;
import static io.maap.support.security.MaapRole.LEAD_OFFICER;
import static io.maap.support.security.MaapRole.QA_COORDINATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The programme and its audits are the partnership's plan: everyone with a MAAP role may read
 * them (agency staff need the audit tool and the dates), an audit lead their own audit; only the QA
 * coordinator changes them, but for the Board's sign-off, which a Board member may record. The
 * partnership's policy versions are read alike and changed by the QA coordinator only. The business
 * plan is entered and linked by the QA coordinator; its priorities are rated by the QA coordinator or
 * a Board member.
 */
@Configuration(proxyBeanMethods = false)
public class AuditProgrammeSecurity {

    @Bean
    ApiAccessRules auditProgrammeAccessRules() {
        return rules -> rules
                .requestMatchers(POST, "/api/business-plans/{planId}/priorities/{priorityId}/ratings")
                .hasAnyRole(roles(QA_COORDINATOR, BOARD_MEMBER))
                .requestMatchers(POST, "/api/business-plans", "/api/business-plans/**")
                .hasRole(QA_COORDINATOR.name())
                .requestMatchers(GET, "/api/partnership-policies")
                .hasAnyRole(roles(BOARD_MEMBER, QA_COORDINATOR, LEAD_OFFICER, AGENCY_SPOC, AGENCY_AUDITOR))
                .requestMatchers(POST, "/api/partnership-policies")
                .hasRole(QA_COORDINATOR.name())
                .requestMatchers(GET, "/api/audits/{auditId}")
                .access(rolesOrLeadOfTheAudit(BOARD_MEMBER, QA_COORDINATOR, LEAD_OFFICER, AGENCY_SPOC, AGENCY_AUDITOR))
                .requestMatchers(GET, "/api/programmes/**", "/api/audits/**")
                .hasAnyRole(roles(BOARD_MEMBER, QA_COORDINATOR, LEAD_OFFICER, AGENCY_SPOC, AGENCY_AUDITOR))
                .requestMatchers(POST, "/api/audits/{auditId}/challenge-day/agenda-sent")
                .access(rolesOrLeadOfTheAudit(QA_COORDINATOR))
                .requestMatchers(POST, "/api/audits/{auditId}/signed-off")
                .hasAnyRole(roles(QA_COORDINATOR, BOARD_MEMBER))
                .requestMatchers(POST, "/api/programmes", "/api/programmes/**", "/api/audits", "/api/audits/**",
                        "/api/section-11-audits/**")
                .hasRole(QA_COORDINATOR.name())
                .requestMatchers(PUT, "/api/audits/**")
                .hasRole(QA_COORDINATOR.name());
    }
}
