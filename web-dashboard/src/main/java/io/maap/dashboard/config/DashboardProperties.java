package io.maap.dashboard.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Where the services are, and the dashboard's defaults.
 *
 * @param auditProgrammeUrl base URL of audit-programme-service
 * @param caseReturnUrl     base URL of case-return-service
 * @param actionPlanUrl     base URL of action-plan-service
 * @param reportingUrl      base URL of reporting-service
 * @param notificationUrl   base URL of notification-service
 * @param programmeId       the programme shown when none is chosen
 * @param agencies          the partner agencies offered in forms and filters
 * @param refreshInterval   how often live pages (overdue returns, rebuild progress) refresh themselves
 * @param timeout           connect and read timeout of every call to a service
 */
@ConfigurationProperties("maap.dashboard")
public record DashboardProperties(
        @DefaultValue("http://localhost:8081") String auditProgrammeUrl,
        @DefaultValue("http://localhost:8082") String caseReturnUrl,
        @DefaultValue("http://localhost:8083") String actionPlanUrl,
        @DefaultValue("http://localhost:8084") String reportingUrl,
        @DefaultValue("http://localhost:8085") String notificationUrl,
        @DefaultValue("redbridge-current") String programmeId,
        @DefaultValue({"met-police", "nelft", "bhrut", "lbr-childrens-social-care"}) List<String> agencies,
        @DefaultValue("10s") Duration refreshInterval,
        @DefaultValue("10s") Duration timeout) {
}
