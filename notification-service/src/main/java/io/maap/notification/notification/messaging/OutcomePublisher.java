package io.maap.notification.notification.messaging;

import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import io.maap.events.notification.NotificationFailed;
import io.maap.events.notification.NotificationHadNoRecipient;
import io.maap.events.notification.NotificationSent;
import io.maap.notification.notification.query.NotificationRecord;
import io.maap.notification.notification.query.Outbox;
import io.maap.support.messaging.EventJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Publishes each finished notification's outcome on {@code maap.notifications.events.v1}, as a
 * CloudEvent keyed by the notification id. The outbox row says whether it was published, so an
 * outcome is published at least once; its CloudEvent id is the notification id and outcome, so
 * readers can drop a repeat.
 */
@Component
public class OutcomePublisher {

    private final StreamBridge streamBridge;
    private final String source;

    public OutcomePublisher(StreamBridge streamBridge, @Value("${maap.events.source}") String source) {
        this.streamBridge = streamBridge;
        this.source = source;
    }

    public void publish(NotificationRecord n) {
        Object payload = switchOutcome(n);
        EventCatalog.Entry entry = EventCatalog.forPayload(payload.getClass()).orElseThrow();
        Message<byte[]> message = CloudEventMessageBuilder.withData(EventJson.mapper().writeValueAsBytes(payload))
                .setId(n.id() + "/" + n.status())
                .setSource(source)
                .setType(entry.cloudEventType())
                .setSubject(n.id())
                .setTime((n.finishedAt() == null ? n.createdAt() : n.finishedAt()).atOffset(ZoneOffset.UTC))
                .setDataContentType("application/json")
                .setDataSchema(entry.dataSchema())
                .setHeader(KafkaHeaders.KEY, n.id().getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        if (!streamBridge.send(Topics.NOTIFICATION_EVENTS, message)) {
            throw new IllegalStateException("Kafka did not accept the outcome of notification " + n.id());
        }
    }

    private static Object switchOutcome(NotificationRecord n) {
        if (Outbox.SENT.equals(n.status())) {
            return new NotificationSent(n.id(), n.sourceEventId(), n.kind(), n.recipientRole(), n.agency(), n.auditId(),
                    n.contactId(), n.channel(), n.attempts(), n.finishedAt());
        }
        if (Outbox.FAILED.equals(n.status())) {
            return new NotificationFailed(n.id(), n.sourceEventId(), n.kind(), n.recipientRole(), n.agency(), n.auditId(),
                    n.contactId() == null ? "" : n.contactId(), n.channel() == null ? "" : n.channel(), n.attempts(),
                    n.lastError() == null ? "" : n.lastError(), n.finishedAt());
        }
        return new NotificationHadNoRecipient(n.id(), n.sourceEventId(), n.kind(), n.recipientRole(), n.agency(),
                n.auditId(), n.createdAt());
    }
}
