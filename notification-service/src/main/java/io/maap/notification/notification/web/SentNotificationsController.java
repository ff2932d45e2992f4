package io.maap.notification.notification.web;

import io.maap.notification.notification.query.NotificationRecord;
import io.maap.notification.notification.query.Outbox;
import io.maap.support.security.AgencyScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * What was sent, failed, or had no one to tell: the QA coordinator sees every agency's
 * notifications, an agency's SPOC their own agency's. No addresses: the recipient is a role and a
 * directory entry.
 */
@RestController
@Validated
public class SentNotificationsController {

    /** One notification as the page shows it. */
    public record SentNotification(String id, String kind, String subject, String recipientRole, String agency,
                                   String auditId, boolean urgent, String channel, String status, int attempts,
                                   String lastError, Instant createdAt, Instant finishedAt) {

        static SentNotification of(NotificationRecord n) {
            return new SentNotification(n.id(), n.kind(), n.subject(), n.recipientRole(), n.agency(), n.auditId(),
                    n.urgent(), n.channel(), n.status(), n.attempts(), n.lastError(), n.createdAt(), n.finishedAt());
        }
    }

    private final Outbox outbox;

    public SentNotificationsController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/notifications")
    public List<SentNotification> list(@RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String agency,
                                       @RequestParam(required = false) @Pattern(regexp = "PENDING|SENT|FAILED|NO_RECIPIENT") String status,
                                       @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int size) {
        return outbox.list(AgencyScope.filter(agency), status, size).stream().map(SentNotification::of).toList();
    }
}
