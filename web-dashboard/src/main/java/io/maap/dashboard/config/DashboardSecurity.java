package io.maap.dashboard.config;

import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.util.Map;

/**
 * People sign in at the partnership's OpenID Connect provider (authorization code, registration
 * {@value #REGISTRATION}); every page but the static assets and health needs a signed-in person,
 * and every call to a service carries that person's access token, so the services decide what
 * each person may see and do, exactly as for any other client. Forms are CSRF-protected; ID tokens
 * must come from the configured issuer; signing out ends the session at the provider too (its
 * end-session endpoint, OpenID Connect RP-initiated logout); every page carries a
 * Content-Security-Policy that allows scripts, styles and fonts from the dashboard itself only.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class DashboardSecurity {

    public static final String REGISTRATION = "maap";

    /**
     * What a page may load and where its forms may go: the dashboard's own assets only (Chart.js
     * draws on a canvas; GOV.UK Frontend needs no inline script once its start-up line is a file),
     * never framed; forms post to the dashboard, whose sign-out then redirects to the provider.
     */
    static String contentSecurityPolicy(String endSessionUri) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + origin(endSessionUri);
    }

    private static String origin(String uri) {
        java.net.URI parsed = java.net.URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }

    @Bean
    SecurityFilterChain signInRequired(HttpSecurity http, ClientRegistrationRepository registrations,
                                       @Value("${maap.dashboard.sign-in.end-session-uri}") String endSessionUri) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(rules -> rules
                        .requestMatchers("/css/**", "/js/**", "/assets/**", "/favicon.ico", "/actuator/health",
                                "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION))
                .logout(out -> out.logoutSuccessHandler(logout))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(endSessionUri)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The registration from {@code spring.security.oauth2.client.*} (endpoints given, no discovery at
     * start-up), with the two things discovery would have added: the issuer, so that an ID token from
     * any other is refused, and the end-session endpoint, so that signing out reaches the provider.
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
                                                              @Value("${maap.dashboard.sign-in.issuer}") String issuer,
                                                              @Value("${maap.dashboard.sign-in.end-session-uri}") String endSessionUri) {
        return new InMemoryClientRegistrationRepository(
                new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values().stream()
                        .map(registration -> ClientRegistration.withClientRegistration(registration)
                                .issuerUri(issuer)
                                .providerConfigurationMetadata(Map.of("end_session_endpoint", endSessionUri))
                                .build())
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
