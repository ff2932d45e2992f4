package io.maap.notification.notification.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.maap.events.EventCatalog;
import io.maap.notification.contact.query.AgencyWebhook;
import io.maap.notification.notification.query.NotificationRecord;
import io.maap.notification.rules.command.Message;
import io.maap.support.messaging.EventJson;
import io.maap.support.messaging.IncomingEvent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an agency system's webhook receives, as CloudEvents: a notification
 * ({@value #NOTIFICATION_TYPE}: the same words the people get, its kind and facts), or an agency
 * outcome relayed unchanged (the case-returns event's own id, source, type, subject, time, data
 * schema and payload, as on the agency's Kafka outcomes topic).
 */
public final class WebhookEvents {

    public static final String NOTIFICATION_TYPE = "maap.notification.v1";
    /** The outbox kind of a relayed outcome. */
    public static final String OUTCOME_KIND = "AGENCY_OUTCOME";
    /** The recipient role of an agency system's copy. */
    public static final String AGENCY_SYSTEM = "AGENCY_SYSTEM";

    private WebhookEvents() {
    }

    public static boolean isWebhook(NotificationRecord n) {
        return n.recipient().startsWith("webhook:");
    }

    /** The notification's CloudEvent: its id is the notification's, so a receiver can drop a repeat. */
    public static CloudEvent notification(NotificationRecord n, Message message, String source) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", n.id());
        data.put("kind", n.kind());
        data.put("agency", n.agency());
        data.put("auditId", n.auditId());
        data.put("urgent", n.urgent());
        data.put("subject", message.subject());
        data.put("body", message.body());
        data.put("facts", n.params());
        return CloudEventBuilder.v1().withId(n.id()).withSource(URI.create(source)).withType(NOTIFICATION_TYPE)
                .withSubject(n.kind()).withTime(n.createdAt().atOffset(ZoneOffset.UTC))
                .withData("application/json", EventJson.mapper().writeValueAsBytes(data)).build();
    }

    /** What the outbox keeps of an outcome event to relay it unchanged. */
    public static Map<String, String> outcomeParams(IncomingEvent event) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("id", event.id());
        params.put("source", event.source());
        params.put("type", event.type());
        if (event.subject() != null) {
            params.put("subject", event.subject());
        }
        if (event.time() != null) {
            params.put("time", event.time().toString());
        }
        EventCatalog.forPayload(event.payload().getClass())
                .ifPresent(entry -> params.put("dataschema", entry.dataSchema()));
        params.put("data", EventJson.mapper().writeValueAsString(event.payload()));
        return params;
    }

    /** The relayed outcome's CloudEvent, rebuilt from the outbox. */
    public static CloudEvent outcome(NotificationRecord n) {
        Map<String, String> p = n.params();
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(p.get("id")).withSource(URI.create(p.get("source")))
                .withType(p.get("type"))
                .withData("application/json", p.get("data").getBytes(StandardCharsets.UTF_8));
        if (p.get("subject") != null) {
            builder.withSubject(p.get("subject"));
        }
        if (p.get("time") != null) {
            builder.withTime(OffsetDateTime.parse(p.get("time")));
        }
        if (p.get("dataschema") != null) {
            builder.withDataSchema(URI.create(p.get("dataschema")));
        }
        return builder.build();
    }

    /** The outbox recipient of an agency's system. */
    public static String recipient(String agency) {
        return AgencyWebhook.idFor(agency);
    }
}
