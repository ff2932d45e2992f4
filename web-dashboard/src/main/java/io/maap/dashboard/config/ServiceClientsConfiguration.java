package io.maap.dashboard.config;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The only place the dashboard's clients of the services are built. Every call goes through
 * {@link #base}: when the APIs require a bearer token, the interceptor that relays the user's
 * token is added there, once.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceClientsConfiguration {

    @Bean
    ServiceClients serviceClients(RestClient.Builder builder, DashboardProperties properties,
                                  OAuth2ClientHttpRequestInterceptor bearerTokenRelay) {
        RestClient.Builder base = base(builder, properties).requestInterceptor(bearerTokenRelay);
        return new ServiceClients(
                base.clone().baseUrl(properties.auditProgrammeUrl()).build(),
                base.clone().baseUrl(properties.caseReturnUrl()).build(),
                base.clone().baseUrl(properties.actionPlanUrl()).build(),
                base.clone().baseUrl(properties.reportingUrl()).build(),
                base.clone().baseUrl(properties.notificationUrl()).build());
    }

    private static RestClient.Builder base(RestClient.Builder builder, DashboardProperties properties) {
        HttpClientSettings settings = HttpClientSettings.defaults()
                .withConnectTimeout(properties.timeout())
                .withReadTimeout(properties.timeout());
        return builder.clone()
                .requestFactory(ClientHttpRequestFactoryBuilder.detect().build(settings))
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }
}
