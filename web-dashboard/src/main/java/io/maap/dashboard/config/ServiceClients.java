package io.maap.dashboard.config;

import org.springframework.web.client.RestClient;

/** One {@link RestClient} per MAAP service, all built by {@link ServiceClientsConfiguration}. */
public record ServiceClients(RestClient auditProgramme, RestClient caseReturns, RestClient actionPlans, RestClient reporting,
                             RestClient notifications) {
}
