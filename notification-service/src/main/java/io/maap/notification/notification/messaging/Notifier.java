package io.maap.notification.notification.messaging;

import io.maap.events.AgencyOutcomes;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.notification.config.NotificationProperties;
import io.maap.notification.contact.query.AgencyWebhook;
import io.maap.notification.contact.query.AgencyWebhooks;
import io.maap.notification.contact.query.ContactRecord;
import io.maap.notification.contact.query.Contacts;
import io.maap.notification.notification.query.LocalView;
import io.maap.notification.notification.query.NotificationRecord;
import io.maap.notification.notification.query.Outbox;
import io.maap.notification.rules.command.Planned;
import io.maap.notification.rules.command.Recipient;
import io.maap.notification.rules.command.Templates;
import io.maap.support.messaging.EventJson;
import io.maap.support.messaging.IncomingEvent;
import tools.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the rules decided into notifications in the outbox: the directory names the people
 * holding each role in the programme's partnership; one notification per person, or one marked
 * "no one to tell" when no one holds the role. An agency with a webhook in the directory also gets
 * a copy of each notification about it on its system (or only that, when it chose the webhook
 * instead of email), and each of its outcomes relayed. Adding is idempotent by the notification's key.
 */
@Component
public class Notifier {

    private final Contacts contacts;
    private final LocalView view;
    private final Outbox outbox;
    private final Templates templates;
    private final NotificationProperties properties;
    private final AgencyWebhooks webhooks;

    public Notifier(Contacts contacts, LocalView view, Outbox outbox, Templates templates, NotificationProperties properties,
                    AgencyWebhooks webhooks) {
        this.contacts = contacts;
        this.webhooks = webhooks;
        this.view = view;
        this.outbox = outbox;
        this.templates = templates;
        this.properties = properties;
    }

    /** Records each planned notification for each recipient; returns how many were new. */
    public int record(List<Planned> planned, Instant now) {
        int added = 0;
        for (Planned plan : planned) {
            String partnership = plan.programmeId() == null ? properties.partnership()
                    : view.partnershipOf(plan.programmeId()).orElse(properties.partnership());
            String subject = templates.subject(plan.kind(), plan.params());
            Optional<AgencyWebhook> webhook = webhooks.find(partnership, plan.agency());
            if (webhook.isPresent()) {
                added += add(plan, WebhookEvents.recipient(plan.agency()), WebhookEvents.AGENCY_SYSTEM,
                        webhook.get().id(), partnership, subject, now) ? 1 : 0;
            }
            for (Recipient recipient : plan.recipients()) {
                if (webhook.isPresent() && !webhook.get().emailToo() && recipient.role().perAgency()
                        && plan.agency().equals(recipient.agency())) {
                    continue;
                }
                List<ContactRecord> people = contacts.holding(partnership, recipient.role().name(),
                        recipient.role().perAgency() ? recipient.agency() : null,
                        recipient.role().perAudit() ? recipient.auditId() : null);
                if (people.isEmpty()) {
                    String key = "none:" + recipient.describe();
                    added += add(plan, recipient, key, null, partnership, subject, Outbox.NO_RECIPIENT, now) ? 1 : 0;
                }
                for (ContactRecord person : people) {
                    added += add(plan, recipient, "contact:" + person.id(), person.id(), partnership, subject,
                            Outbox.PENDING, now) ? 1 : 0;
                }
            }
        }
        return added;
    }

    /**
     * An agency outcome (a case-returns event its Kafka outcomes topic carries) for the agency's
     * system, when the agency has a webhook; returns whether it was new.
     */
    public boolean relayOutcome(IncomingEvent event, Instant now) {
        if (!AgencyOutcomes.relayed(event.payload().getClass())) {
            return false;
        }
        JsonNode payload = EventJson.mapper().valueToTree(event.payload());
        String agency = text(payload, "agency");
        if (agency == null) {
            return false;
        }
        String programmeId = text(payload, "programmeId");
        String partnership = programmeId == null ? properties.partnership()
                : view.partnershipOf(programmeId).orElse(properties.partnership());
        Optional<AgencyWebhook> webhook = webhooks.find(partnership, agency);
        if (webhook.isEmpty()) {
            return false;
        }
        String recipient = WebhookEvents.recipient(agency);
        Map<String, String> params = WebhookEvents.outcomeParams(event);
        return outbox.add(new NotificationRecord(Outbox.idFor(event.id(), recipient, WebhookEvents.OUTCOME_KIND),
                event.id(), recipient, WebhookEvents.OUTCOME_KIND, WebhookEvents.AGENCY_SYSTEM, webhook.get().id(),
                partnership, agency, text(payload, "auditId"), event.payload() instanceof SafeguardingConcernRaised,
                params, "Outcome for the agency's system: " + event.type(), null, Outbox.PENDING, 0, now, null, now, null));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private boolean add(Planned plan, String key, String role, String contactId, String partnership, String subject,
                        Instant now) {
        String kind = plan.kind().name();
        return outbox.add(new NotificationRecord(Outbox.idFor(plan.source(), key, kind), plan.source(), key, kind,
                role, contactId, partnership, plan.agency(), plan.auditId(), plan.urgent(), plan.params(), subject, null,
                Outbox.PENDING, 0, now, null, now, null));
    }

    private boolean add(Planned plan, Recipient recipient, String key, String contactId, String partnership,
                        String subject, String status, Instant now) {
        String kind = plan.kind().name();
        return outbox.add(new NotificationRecord(Outbox.idFor(plan.source(), key, kind), plan.source(), key, kind,
                recipient.role().name(), contactId, partnership, plan.agency(), plan.auditId(), plan.urgent(),
                plan.params(), subject, null, status, 0, now, null, now,
                Outbox.NO_RECIPIENT.equals(status) ? now : null));
    }
}
