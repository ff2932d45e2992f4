package io.maap.notification.contact.web;

import io.maap.notification.NotificationSecurity;
import io.maap.notification.config.NotificationProperties;
import io.maap.notification.contact.query.ContactRecord;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ContactController.class,
        properties = {"maap.security.issuer=http://issuer.test", "maap.security.jwk-set-uri=http://issuer.test/jwks",
                "maap.notifications.partnership=Redbridge LSCB"})
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
@Import({ProblemDetailsAdvice.class, NotificationSecurity.class, ContactControllerTest.Wiring.class})
class ContactControllerTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @TestConfiguration
    @EnableConfigurationProperties(NotificationProperties.class)
    static class Wiring {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneId.of("Europe/London"));
        }
    }

    @Autowired
    WebApplicationContext context;
    @MockitoBean
    Contacts contacts;

    MockMvc as(String user, MaapRole role, String agency) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(user).build();
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(authentication(new CallerAuthentication(jwt,
                        new Caller(user, Set.of(role), agency))))).build();
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void theQaCoordinatorAddsAnEntryAttributedToThem() throws Exception {
        as("qa.coordinator", MaapRole.QA_COORDINATOR, null).perform(json(post("/api/contacts"),
                        "{\"role\":\"AGENCY_SPOC\",\"agency\":\"met-police\",\"name\":\"DS Patel\",\"email\":\"spoc@met.example\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.updatedBy").value("qa.coordinator"))
                .andExpect(jsonPath("$.partnership").value("Redbridge LSCB"));

        ArgumentCaptor<ContactRecord> saved = ArgumentCaptor.forClass(ContactRecord.class);
        verify(contacts).save(saved.capture(), eq("CREATED"), anyString());
        assertThat(saved.getValue().updatedAt()).isEqualTo(NOW);
    }

    @Test
    void anInvalidEntryIsAProblemDetailNamingTheField() throws Exception {
        as("qa.coordinator", MaapRole.QA_COORDINATOR, null).perform(json(post("/api/contacts"),
                        "{\"role\":\"AGENCY_SPOC\",\"agency\":\"met-police\",\"name\":\"DS Patel\",\"email\":\"not-an-address\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.status").value(400));
        as("qa.coordinator", MaapRole.QA_COORDINATOR, null).perform(json(post("/api/contacts"),
                        "{\"role\":\"AGENCY_SPOC\",\"name\":\"DS Patel\",\"email\":\"spoc@met.example\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("agency: required for AGENCY_SPOC"));
        verify(contacts, never()).save(any(), anyString(), anyString());
    }

    @Test
    void aSpocKeepsOnlyTheirOwnAgencysEntries() throws Exception {
        MockMvc spoc = as("met.spoc", MaapRole.AGENCY_SPOC, "met-police");
        spoc.perform(json(post("/api/contacts"),
                        "{\"role\":\"SAFEGUARDING_LEAD\",\"agency\":\"met-police\",\"name\":\"DI Jones\",\"email\":\"sg@met.example\"}"))
                .andExpect(status().isCreated());
        spoc.perform(json(post("/api/contacts"),
                        "{\"role\":\"SAFEGUARDING_LEAD\",\"agency\":\"nelft\",\"name\":\"N\",\"email\":\"sg@nelft.example\"}"))
                .andExpect(status().isForbidden());
        spoc.perform(json(post("/api/contacts"),
                        "{\"role\":\"QA_COORDINATOR\",\"name\":\"Q\",\"email\":\"qa@lscb.example\"}"))
                .andExpect(status().isForbidden());

        given(contacts.find("nelft-1")).willReturn(Optional.of(new ContactRecord("nelft-1", "Redbridge LSCB",
                "AGENCY_SPOC", "nelft", null, "N", "n@nelft.example", "qa.coordinator", NOW)));
        spoc.perform(json(put("/api/contacts/nelft-1"),
                        "{\"role\":\"AGENCY_SPOC\",\"agency\":\"nelft\",\"name\":\"N\",\"email\":\"x@nelft.example\"}"))
                .andExpect(status().isNotFound());
        spoc.perform(get("/api/contacts/nelft-1")).andExpect(status().isNotFound());
    }

    @Test
    void aSpocListsOnlyTheirAgencysEntriesAndAnAuditorNone() throws Exception {
        given(contacts.list("Redbridge LSCB", "met-police")).willReturn(List.of());

        as("met.spoc", MaapRole.AGENCY_SPOC, "met-police").perform(get("/api/contacts")).andExpect(status().isOk());
        verify(contacts).list("Redbridge LSCB", "met-police");
        as("met.auditor", MaapRole.AGENCY_AUDITOR, "met-police").perform(get("/api/contacts"))
                .andExpect(status().isForbidden());
    }
}
