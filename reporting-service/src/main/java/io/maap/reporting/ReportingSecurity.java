package io.maap.reporting;

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

/**
 * Who reads which view. The Board and the QA coordinator read every view; agency staff read the
 * outstanding returns and (SPOCs) the safeguarding concerns of their own agency; lead officers
 * read their agency's actions; an audit lead reads their audit's scorecard, matrix, returns and
 * actions, every agency's (the request names the audit). The business plan, its scorecard by priority,
 * the audits' success measures and dissemination and the training needs are the Board's papers.
 * Rebuilds are the QA coordinator's.
 */
@Configuration(proxyBeanMethods = false)
public class ReportingSecurity {

    @Bean
    ApiAccessRules reportingAccessRules() {
        return rules -> rules
                .requestMatchers(GET, "/api/outstanding-returns")
                .access(rolesOrLeadOfTheAudit(BOARD_MEMBER, QA_COORDINATOR, AGENCY_SPOC, AGENCY_AUDITOR))
                .requestMatchers(GET, "/api/safeguarding-concerns")
                .hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(GET, "/api/actions")
                .access(rolesOrLeadOfTheAudit(BOARD_MEMBER, QA_COORDINATOR, LEAD_OFFICER))
                .requestMatchers(GET, "/api/scorecard", "/api/audits/{auditId}/matrix")
                .access(rolesOrLeadOfTheAudit(BOARD_MEMBER, QA_COORDINATOR))
                .requestMatchers(GET, "/api/scorecard/**", "/api/agency-compliance",
                        "/api/programmes/{programmeId}/schedule", "/api/recurring-themes",
                        "/api/board-scorecard/**", "/api/annual-reports/**", "/api/business-plans", "/api/business-plans/**",
                        "/api/audit-learning", "/api/training-needs")
                .hasAnyRole(roles(BOARD_MEMBER, QA_COORDINATOR))
                .requestMatchers(GET, "/api/rebuilds/current", "/api/as-at/checkpoints")
                .hasRole(QA_COORDINATOR.name())
                .requestMatchers(POST, "/api/rebuilds", "/api/as-at/checkpoints")
                .hasRole(QA_COORDINATOR.name());
    }
}
