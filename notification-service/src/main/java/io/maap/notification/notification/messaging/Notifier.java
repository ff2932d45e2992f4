package io.maap.notification.notification.messaging;

import io.maap.notification.config.NotificationProperties;
import io.maap.notification.contact.query.ContactRecord;
import io.maap.notification.contact.query.Contacts;
import io.maap.notification.notification.query.LocalView;
import io.maap.notification.notification.query.NotificationRecord;
import io.maap.notification.notification.query.Outbox;
import io.maap.notification.rules.command.Planned;
import io.maap.notification.rules.command.Recipient;
import io.maap.notification.rules.command.Templates;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Turns what the rules decided into notifications in the outbox: the directory names the people
 * holding each role in the programme's partnership; one notification per person, or one marked
 * "no one to tell" when no one holds the role. Adding is idempotent by the notification's key.
 */
@Component
public class Notifier {

    private final Contacts contacts;
    private final LocalView view;
    private final Outbox outbox;
    private final Templates templates;
    private final NotificationProperties properties;

    public Notifier(Contacts contacts, LocalView view, Outbox outbox, Templates templates, NotificationProperties properties) {
        this.contacts = contacts;
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
            for (Recipient recipient : plan.recipients()) {
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

    private boolean add(Planned plan, Recipient recipient, String key, String contactId, String partnership,
                        String subject, String status, Instant now) {
        String kind = plan.kind().name();
        return outbox.add(new NotificationRecord(Outbox.idFor(plan.source(), key, kind), plan.source(), key, kind,
                recipient.role().name(), contactId, partnership, plan.agency(), plan.auditId(), plan.urgent(),
                plan.params(), subject, null, status, 0, now, null, now,
                Outbox.NO_RECIPIENT.equals(status) ? now : null));
    }
}
