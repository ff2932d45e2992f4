package io.maap.dashboard.config;

import io.maap.dashboard.DashboardApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's session with the identity provider: whose ID tokens it takes, how signing out ends, what pages may load. */
class DashboardSecurityTest {

    private static final String ISSUER = "https://idp.example.org/realms/maap";
    private static final String END_SESSION = ISSUER + "/protocol/openid-connect/logout";

    private static ConfigurableApplicationContext dashboard;

    @BeforeAll
    static void start() {
        dashboard = DashboardApplication.builder().run("--server.port=0", "--MAAP_ISSUER_URI=" + ISSUER,
                "--MAAP_OIDC_END_SESSION_URI=" + END_SESSION, "--MAAP_DASHBOARD_SECURE_COOKIE=true");
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void signingOutSendsTheBrowserToTheProvidersEndSessionEndpointWithTheIdToken() throws Exception {
        OidcClientInitiatedLogoutSuccessHandler handler =
                new OidcClientInitiatedLogoutSuccessHandler(dashboard.getBean(ClientRegistrationRepository.class));
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        MockHttpServletResponse response = new MockHttpServletResponse();

        handler.onLogoutSuccess(new MockHttpServletRequest("POST", "/logout"), response, signedIn(idToken(ISSUER)));

        assertThat(response.getRedirectedUrl()).startsWith(END_SESSION + "?")
                .contains("id_token_hint=" + idToken(ISSUER).getTokenValue())
                .contains("post_logout_redirect_uri=http://localhost/");
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        ClientRegistration registration = dashboard.getBean(ClientRegistrationRepository.class)
                .findByRegistrationId(DashboardSecurity.REGISTRATION);
        OidcIdTokenValidator validator = new OidcIdTokenValidator(registration);

        assertThat(validator.validate(jwtOf(idToken(ISSUER))).hasErrors()).isFalse();
        assertThat(validator.validate(jwtOf(idToken("https://elsewhere.example.org"))).getErrors())
                .anySatisfy(error -> assertThat(error.getDescription()).contains("iss"));
    }

    @Test
    void everyPageCarriesAContentSecurityPolicyAndTheSessionCookieIsStrict() throws Exception {
        int port = ((WebServerApplicationContext) dashboard).getWebServer().getPort();
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/overdue-returns")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'",
                        "form-action 'self' https://idp.example.org"));
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("MAAP_DASHBOARD_SESSION=").contains("HttpOnly", "Secure", "SameSite=Lax"));
    }

    private static OAuth2AuthenticationToken signedIn(OidcIdToken token) {
        return new OAuth2AuthenticationToken(new DefaultOidcUser(AuthorityUtils.NO_AUTHORITIES, token),
                AuthorityUtils.NO_AUTHORITIES, DashboardSecurity.REGISTRATION);
    }

    private static OidcIdToken idToken(String issuer) {
        Instant now = Instant.now();
        return new OidcIdToken("id-token-of-" + issuer.length(), now, now.plusSeconds(300),
                Map.of("iss", issuer, "sub", "qa.coordinator", "aud", java.util.List.of("maap-dashboard")));
    }

    private static org.springframework.security.oauth2.jwt.Jwt jwtOf(OidcIdToken token) {
        return org.springframework.security.oauth2.jwt.Jwt.withTokenValue(token.getTokenValue()).header("alg", "RS256")
                .claims(claims -> claims.putAll(token.getClaims()))
                .issuedAt(token.getIssuedAt()).expiresAt(token.getExpiresAt()).build();
    }
}
