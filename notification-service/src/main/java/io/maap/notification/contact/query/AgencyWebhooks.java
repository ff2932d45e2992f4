package io.maap.notification.contact.query;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The agencies' webhooks, part of the contacts directory: every change is recorded in its change log. */
@Repository
public class AgencyWebhooks {

    private final RowMapper<AgencyWebhook> row;
    private final JdbcClient jdbc;
    private final WebhookSecretSeal seal;

    /** The secret is stored sealed by {@code seal} and opened as it is read. */
    public AgencyWebhooks(JdbcClient jdbc, WebhookSecretSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.row = (rs, n) -> new AgencyWebhook(rs.getString("partnership"), rs.getString("agency"), rs.getString("url"),
                seal.open(rs.getString("partnership"), rs.getString("agency"), rs.getString("secret")),
                rs.getBoolean("email_too"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }

    public Optional<AgencyWebhook> find(String partnership, String agency) {
        if (agency == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from agency_webhook where partnership = :p and agency = :a")
                .param("p", partnership).param("a", agency).query(row).optional();
    }

    public List<AgencyWebhook> list(String partnership, String agency) {
        return jdbc.sql("select * from agency_webhook where partnership = :p and (cast(:a as varchar) is null or agency = :a) order by agency")
                .param("p", partnership).param("a", agency).query(row).list();
    }

    @Transactional
    public void save(AgencyWebhook webhook, String changeKind, String summary) {
        String sealed = seal.seal(webhook.partnership(), webhook.agency(), webhook.secret());
        int updated = jdbc.sql("update agency_webhook set url = :u, secret = :s, email_too = :e, updated_by = :by, updated_at = :at"
                        + " where partnership = :p and agency = :a")
                .param("u", webhook.url()).param("s", sealed).param("e", webhook.emailToo())
                .param("by", webhook.updatedBy()).param("at", Timestamp.from(webhook.updatedAt()))
                .param("p", webhook.partnership()).param("a", webhook.agency()).update();
        if (updated == 0) {
            jdbc.sql("insert into agency_webhook (partnership, agency, url, secret, email_too, updated_by, updated_at)"
                            + " values (:p, :a, :u, :s, :e, :by, :at)")
                    .param("u", webhook.url()).param("s", sealed).param("e", webhook.emailToo())
                    .param("by", webhook.updatedBy()).param("at", Timestamp.from(webhook.updatedAt()))
                    .param("p", webhook.partnership()).param("a", webhook.agency()).update();
        }
        record(new ContactChange(webhook.id(), webhook.partnership(), webhook.agency(), changeKind, webhook.updatedBy(),
                webhook.updatedAt(), summary));
    }

    @Transactional
    public void remove(AgencyWebhook webhook, String removedBy, Instant at) {
        jdbc.sql("delete from agency_webhook where partnership = :p and agency = :a")
                .param("p", webhook.partnership()).param("a", webhook.agency()).update();
        record(new ContactChange(webhook.id(), webhook.partnership(), webhook.agency(), "REMOVED", removedBy, at,
                "removed the webhook of " + webhook.agency()));
    }

    private void record(ContactChange change) {
        jdbc.sql("insert into contact_change (contact_id, partnership, agency, change_kind, changed_by, changed_at, summary)"
                        + " values (:id, :p, :a, :k, :by, :at, :s)")
                .param("id", change.contactId()).param("p", change.partnership()).param("a", change.agency())
                .param("k", change.changeKind()).param("by", change.changedBy())
                .param("at", Timestamp.from(change.changedAt())).param("s", change.summary()).update();
    }
}
