package io.maap.notification.contact.web;

import io.maap.notification.NotificationSecurity;
import io.maap.notification.config.NotificationProperties;
import io.maap.notification.config.WebhookProperties;
import io.maap.notification.contact.query.AgencyWebhook;
import io.maap.notification.contact.query.AgencyWebhooks;
import io.maap.notification.contact.query.Contacts;
import io.maap.support.security.ApiSecurityAutoConfiguration;
import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import io.maap.support.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An agency's webhook in the directory: https only, checked when set; the secret never shown in full; changes attributed. */
@WebMvcTest(controllers = AgencyWebhookController.class,
        properties = {"maap.security.issuer=http://issuer.test", "maap.security.jwk-set-uri=http://issuer.test/jwks",
                "maap.notifications.partnership=Redbridge LSCB"})
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
@Import({ProblemDetailsAdvice.class, NotificationSecurity.class, AgencyWebhookControllerTest.Wiring.class})
class AgencyWebhookControllerTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TestConfiguration
    @EnableConfigurationProperties({NotificationProperties.class, WebhookProperties.class})
    static class Wiring {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneId.of("Europe/London"));
        }
    }

    @Autowired
    WebApplicationContext context;
    @MockitoBean
    AgencyWebhooks webhooks;
    @MockitoBean
    Contacts contacts;

    MockMvc as(String user, MaapRole role, String agency) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(user).build();
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(authentication(new CallerAuthentication(jwt,
                        new Caller(user, Set.of(role), agency))))).build();
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder set(String agency, String body) {
        return put("/api/agency-webhooks/" + agency).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedWithAProblemDetailWhenItIsSet() throws Exception {
        as("qa.coordinator", MaapRole.QA_COORDINATOR, null)
                .perform(set("nelft", "{\"url\":\"http://hooks.nelft.example/maap\",\"secret\":\"" + SECRET + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("url: must use https"));
        as("qa.coordinator", MaapRole.QA_COORDINATOR, null)
                .perform(set("nelft", "{\"url\":\"http://localhost:9999/maap\",\"secret\":\"" + SECRET + "\"}"))
                .andExpect(status().isBadRequest());
        as("qa.coordinator", MaapRole.QA_COORDINATOR, null)
                .perform(set("nelft", "{\"url\":\"https://hooks.nelft.example/maap\",\"secret\":\"not-a-secret\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("secret: must be a Standard Webhooks secret, whsec_ and base64"));
        verify(webhooks, never()).save(any(), anyString(), anyString());
    }

    @Test
    void anHttpsEndpointIsKeptAttributedAndItsSecretNeverShownInFull() throws Exception {
        as("qa.coordinator", MaapRole.QA_COORDINATOR, null)
                .perform(set("nelft", "{\"url\":\"https://hooks.nelft.example/maap\",\"secret\":\"" + SECRET + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secretHint").value("whsec_…LaSw"))
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andExpect(jsonPath("$.emailToo").value(true))
                .andExpect(jsonPath("$.updatedBy").value("qa.coordinator"));

        ArgumentCaptor<AgencyWebhook> saved = ArgumentCaptor.forClass(AgencyWebhook.class);
        ArgumentCaptor<String> summary = ArgumentCaptor.forClass(String.class);
        verify(webhooks).save(saved.capture(), eq("CREATED"), summary.capture());
        assertThat(saved.getValue().secret()).isEqualTo(SECRET);
        assertThat(saved.getValue().updatedAt()).isEqualTo(NOW);
        assertThat(summary.getValue()).doesNotContain(SECRET).contains("https://hooks.nelft.example/maap");

        given(webhooks.find("Redbridge LSCB", "nelft")).willReturn(Optional.of(saved.getValue()));
        String shown = as("nelft.spoc", MaapRole.AGENCY_SPOC, "nelft").perform(get("/api/agency-webhooks/nelft"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shown).doesNotContain(SECRET.substring(6, 20));
    }

    @Test
    void aChangeWithoutASecretKeepsTheSecretAndAnotherAgencysSpocFindsNothing() throws Exception {
        given(webhooks.find("Redbridge LSCB", "nelft")).willReturn(Optional.of(new AgencyWebhook("Redbridge LSCB",
                "nelft", "https://old.nelft.example/maap", SECRET, true, "qa.coordinator", NOW)));

        as("nelft.spoc", MaapRole.AGENCY_SPOC, "nelft")
                .perform(set("nelft", "{\"url\":\"https://hooks.nelft.example/maap\",\"emailToo\":false}"))
                .andExpect(status().isOk());
        ArgumentCaptor<AgencyWebhook> saved = ArgumentCaptor.forClass(AgencyWebhook.class);
        verify(webhooks).save(saved.capture(), eq("UPDATED"), anyString());
        assertThat(saved.getValue().secret()).isEqualTo(SECRET);
        assertThat(saved.getValue().emailToo()).isFalse();
        assertThat(saved.getValue().updatedBy()).isEqualTo("nelft.spoc");

        MockMvc metSpoc = as("met.spoc", MaapRole.AGENCY_SPOC, "met-police");
        metSpoc.perform(get("/api/agency-webhooks/nelft")).andExpect(status().isNotFound());
        metSpoc.perform(set("nelft", "{\"url\":\"https://evil.example/maap\",\"secret\":\"" + SECRET + "\"}"))
                .andExpect(status().isNotFound());
    }
}
