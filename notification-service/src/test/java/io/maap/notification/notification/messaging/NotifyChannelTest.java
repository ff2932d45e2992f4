package io.maap.notification.notification.messaging;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.maap.notification.config.NotificationProperties;
import io.maap.notification.rules.command.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GOV.UK Notify's API, spoken by WireMock: what the official client sends, and how its answers are taken. */
class NotifyChannelTest {

    static final String SERVICE_ID = UUID.randomUUID().toString();
    static final String API_KEY = "maap_test-" + SERVICE_ID + "-" + UUID.randomUUID();
    static final String TEMPLATE = UUID.randomUUID().toString();
    static final String URGENT_TEMPLATE = UUID.randomUUID().toString();

    WireMockServer notify;
    NotifyChannel channel;

    @BeforeEach
    void start() {
        notify = new WireMockServer(options().dynamicPort());
        notify.start();
        channel = new NotifyChannel(new NotificationProperties.Notify(API_KEY, notify.baseUrl(), TEMPLATE,
                Map.of("SAFEGUARDING_CONCERN", URGENT_TEMPLATE)));
    }

    @AfterEach
    void stop() {
        notify.stop();
    }

    void answer(int status, String body) {
        notify.stubFor(post(urlEqualTo("/v2/notifications/email"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void sendsTheKindsTemplateWithSubjectBodyAndTheNotificationIdAsReference() {
        answer(201, """
                {"id":"%s","reference":"n-1","uri":"https://api.example/v2/notifications/1",
                 "content":{"body":"b","subject":"s","from_email":"maap@notifications.service.gov.uk"},
                 "template":{"id":"%s","version":1,"uri":"https://api.example/templates/1"}}"""
                .formatted(UUID.randomUUID(), URGENT_TEMPLATE));

        assertThatCode(() -> channel.send("lead@met.example", "SAFEGUARDING_CONCERN",
                new Message("URGENT: safeguarding concern for case RB-1", "Act on it today.", true), "n-1"))
                .doesNotThrowAnyException();

        notify.verify(postRequestedFor(urlEqualTo("/v2/notifications/email"))
                .withHeader("Authorization", containing("Bearer "))
                .withRequestBody(equalToJson("""
                        {"template_id":"%s","email_address":"lead@met.example","reference":"n-1",
                         "personalisation":{"subject":"URGENT: safeguarding concern for case RB-1",
                                            "body":"Act on it today.","urgent":"yes"}}""".formatted(URGENT_TEMPLATE), true, true)));
    }

    @Test
    void aRefusalIsPermanentAndAServerErrorIsTriedAgain() {
        answer(400, """
                {"status_code":400,"errors":[{"error":"BadRequestError","message":"email_address Not a valid email address"}]}""");
        assertThatThrownBy(() -> channel.send("x@y.example", "REMINDER", new Message("s", "b", false), "n-2"))
                .isInstanceOf(Channel.PermanentFailure.class);

        notify.resetAll();
        answer(500, """
                {"status_code":500,"errors":[{"error":"Exception","message":"Internal server error"}]}""");
        assertThatThrownBy(() -> channel.send("x@y.example", "REMINDER", new Message("s", "b", false), "n-3"))
                .isNotInstanceOf(Channel.PermanentFailure.class);
    }
}
