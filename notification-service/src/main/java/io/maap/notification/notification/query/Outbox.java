package io.maap.notification.notification.query;

import io.maap.support.messaging.EventJson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The notifications table: the outbox the sender works through and the record the "Sent
 * notifications" page shows. A notification's key (source event id, recipient, kind) is unique in
 * the database, so a replayed or duplicated event, a restart or a second instance cannot add it twice.
 */
@Repository
public class Outbox {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String NO_RECIPIENT = "NO_RECIPIENT";

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    private static final RowMapper<NotificationRecord> ROW = (rs, n) -> new NotificationRecord(rs.getString("id"),
            rs.getString("source_event_id"), rs.getString("recipient"), rs.getString("kind"),
            rs.getString("recipient_role"), rs.getString("contact_id"), rs.getString("partnership"),
            rs.getString("agency"), rs.getString("audit_id"), rs.getBoolean("urgent"),
            EventJson.mapper().readValue(rs.getString("params"), PARAMS), rs.getString("subject"),
            rs.getString("channel"), rs.getString("status"), rs.getInt("attempts"),
            rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());

    private final JdbcClient jdbc;
    private final String onConflict;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
        // PostgreSQL aborts the whole transaction on a unique violation: there, a concurrent duplicate is skipped
        // in the statement itself. H2 does not abort it; there the violation is caught.
        String product = jdbc.sql("select 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData()
                .getDatabaseProductName()).single();
        this.onConflict = "PostgreSQL".equals(product) ? " on conflict (source_event_id, recipient, kind) do nothing" : "";
    }

    /** The notification's id: the same key always gives the same id. */
    public static String idFor(String sourceEventId, String recipient, String kind) {
        return UUID.nameUUIDFromBytes((sourceEventId + "\n" + recipient + "\n" + kind).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Adds the notification unless one with its key exists; true when it was added. */
    public boolean add(NotificationRecord n) {
        if (jdbc.sql("select count(*) from notification where source_event_id = :s and recipient = :r and kind = :k")
                .param("s", n.sourceEventId()).param("r", n.recipient()).param("k", n.kind()).query(Integer.class).single() > 0) {
            return false;
        }
        try {
            return jdbc.sql("insert into notification (id, source_event_id, recipient, kind, recipient_role, contact_id, partnership,"
                            + " agency, audit_id, urgent, params, subject, channel, status, attempts, next_attempt_at,"
                            + " last_error, created_at, finished_at, event_published) values (:id, :s, :r, :k, :role, :c, :p,"
                            + " :a, :audit, :u, :params, :subject, :channel, :status, 0, :next, null, :created, :finished, false)" + onConflict)
                    .param("id", n.id()).param("s", n.sourceEventId()).param("r", n.recipient()).param("k", n.kind())
                    .param("role", n.recipientRole()).param("c", n.contactId()).param("p", n.partnership())
                    .param("a", n.agency()).param("audit", n.auditId()).param("u", n.urgent())
                    .param("params", EventJson.mapper().writeValueAsString(n.params())).param("subject", n.subject())
                    .param("channel", n.channel()).param("status", n.status())
                    .param("next", Timestamp.from(n.nextAttemptAt())).param("created", Timestamp.from(n.createdAt()))
                    .param("finished", n.finishedAt() == null ? null : Timestamp.from(n.finishedAt())).update() == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Pending notifications due for an attempt, urgent first, oldest first. */
    public List<NotificationRecord> due(Instant now, int limit) {
        return jdbc.sql("select * from notification where status = 'PENDING' and next_attempt_at <= :now"
                        + " order by urgent desc, created_at, id limit " + limit)
                .param("now", Timestamp.from(now)).query(ROW).list();
    }

    public void sent(String id, String channel, Instant at) {
        jdbc.sql("update notification set status = 'SENT', channel = :ch, attempts = attempts + 1, finished_at = :at,"
                        + " last_error = null, event_published = false where id = :id and status = 'PENDING'")
                .param("id", id).param("ch", channel).param("at", Timestamp.from(at)).update();
    }

    /** A failed attempt: tried again at {@code retryAt}, or, when that is null, given up and shown as failed. */
    public void attemptFailed(String id, String channel, String error, Instant now, Instant retryAt) {
        String shortError = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("update notification set attempts = attempts + 1, channel = :ch, last_error = :e,"
                        + " status = :status, next_attempt_at = :next, finished_at = :fin, event_published = false"
                        + " where id = :id and status = 'PENDING'")
                .param("id", id).param("ch", channel).param("e", shortError)
                .param("status", retryAt == null ? FAILED : PENDING)
                .param("next", Timestamp.from(retryAt == null ? now : retryAt))
                .param("fin", retryAt == null ? Timestamp.from(now) : null).update();
    }

    /** Finished notifications whose outcome event is not yet on Kafka. */
    public List<NotificationRecord> unpublished(int limit) {
        return jdbc.sql("select * from notification where event_published = false and status <> 'PENDING' order by created_at, id limit " + limit)
                .query(ROW).list();
    }

    public void published(String id) {
        jdbc.sql("update notification set event_published = true where id = :id").param("id", id).update();
    }

    /** For the page: newest first, optionally one agency's, optionally one status. */
    public List<NotificationRecord> list(String agency, String status, int limit) {
        return jdbc.sql("select * from notification where (cast(:a as varchar) is null or agency = :a)"
                        + " and (cast(:s as varchar) is null or status = :s) order by created_at desc, id limit " + limit)
                .param("a", agency).param("s", status).query(ROW).list();
    }

    public java.util.Optional<NotificationRecord> find(String id) {
        return jdbc.sql("select * from notification where id = :id").param("id", id).query(ROW).optional();
    }
}
