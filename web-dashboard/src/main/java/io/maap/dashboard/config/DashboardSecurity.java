package io.maap.dashboard.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.web.SecurityFilterChain;

/**
 * People sign in at the partnership's OpenID Connect provider (authorization code, registration
 * {@value #REGISTRATION}); every page but the static assets and health needs a signed-in person,
 * and every call to a service carries that person's access token, so the services decide what
 * each person may see and do, exactly as for any other client. Forms are CSRF-protected.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class DashboardSecurity {

    public static final String REGISTRATION = "maap";

    @Bean
    SecurityFilterChain signInRequired(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(rules -> rules
                        .requestMatchers("/css/**", "/js/**", "/assets/**", "/favicon.ico", "/actuator/health",
                                "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION))
                .logout(out -> out.logoutSuccessHandler(logout));
        return http.build();
    }

    /**
     * The registration from {@code spring.security.oauth2.client.*} (endpoints given, no discovery at
     * start-up), with the provider's end-session endpoint when {@code maap.dashboard.end-session-uri}
     * names one, so that signing out of the dashboard signs the person out at the provider too.
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
            @org.springframework.beans.factory.annotation.Value("${maap.dashboard.end-session-uri:}") String endSessionUri) {
        return new InMemoryClientRegistrationRepository(
                new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values().stream()
                        .map(registration -> endSessionUri.isBlank() ? registration
                                : org.springframework.security.oauth2.client.registration.ClientRegistration.withClientRegistration(registration)
                                        .providerConfigurationMetadata(java.util.Map.of("end_session_endpoint", endSessionUri)).build())
                        .toList());
    }

    /** Each person's tokens live in their session only. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /** Adds the signed-in person's access token (refreshed when it has expired) to a call to a service. */
    @Bean
    OAuth2ClientHttpRequestInterceptor bearerTokenRelay(OAuth2AuthorizedClientManager manager) {
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        return interceptor;
    }
}
