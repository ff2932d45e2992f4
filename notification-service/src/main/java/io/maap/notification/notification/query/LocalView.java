package io.maap.notification.notification.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What this service keeps of other services' events, because later events or dated checks need
 * it and do not carry it: a programme's partnership, an audit's agencies, each return request's
 * state and dates, each safeguarding concern, each action's owner. Every write is an idempotent
 * upsert or state change, so a replayed event changes nothing.
 */
@Repository
public class LocalView {

    /** A request as the dated checks read it. */
    public record Request(String requestId, String auditId, String programmeId, String agency, String caseReference,
                          LocalDate dueDate, LocalDate reminderDate, boolean awaiting) {
    }

    public record Concern(String concernId, String auditId, String programmeId, String agency, String caseReference,
                          Instant raisedAt, boolean acknowledged) {
    }

    public record Action(String actionId, String planId, String auditId, String programmeId, String agency, LocalDate dueDate) {
    }

    private final JdbcClient jdbc;

    public LocalView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void programme(String programmeId, String partnership) {
        if (jdbc.sql("update programme_view set partnership = :p where programme_id = :id")
                .param("p", partnership).param("id", programmeId).update() == 0) {
            jdbc.sql("insert into programme_view (programme_id, partnership) values (:id, :p)")
                    .param("p", partnership).param("id", programmeId).update();
        }
    }

    public Optional<String> partnershipOf(String programmeId) {
        return jdbc.sql("select partnership from programme_view where programme_id = :id").param("id", programmeId)
                .query(String.class).optional();
    }

    public void audit(String auditId, String programmeId, String title, LocalDate deadline, LocalDate reminderDate,
                      List<String> agencies) {
        jdbc.sql("delete from audit_view where audit_id = :id").param("id", auditId).update();
        jdbc.sql("insert into audit_view (audit_id, programme_id, title, return_deadline, reminder_date, agencies)"
                        + " values (:id, :p, :t, :d, :r, :a)")
                .param("id", auditId).param("p", programmeId).param("t", title).param("d", deadline)
                .param("r", reminderDate).param("a", String.join(",", agencies)).update();
    }

    public List<String> agenciesOf(String auditId) {
        return jdbc.sql("select agencies from audit_view where audit_id = :id").param("id", auditId).query(String.class)
                .optional().map(a -> Arrays.stream(a.split(",")).filter(s -> !s.isBlank()).toList()).orElse(List.of());
    }

    public void requested(Request request) {
        jdbc.sql("delete from request_view where request_id = :id").param("id", request.requestId()).update();
        jdbc.sql("insert into request_view (request_id, audit_id, programme_id, agency, case_reference, due_date,"
                        + " reminder_date, awaiting) values (:id, :audit, :p, :a, :c, :d, :r, :w)")
                .param("id", request.requestId()).param("audit", request.auditId()).param("p", request.programmeId())
                .param("a", request.agency()).param("c", request.caseReference()).param("d", request.dueDate())
                .param("r", request.reminderDate()).param("w", request.awaiting()).update();
    }

    /** A return (or nil return) arrived: nothing more is awaited. */
    public void returned(String requestId) {
        jdbc.sql("update request_view set awaiting = false where request_id = :id").param("id", requestId).update();
    }

    /** Sent back: a new version is awaited by the resubmission date (no reminder for it). */
    public void sentBack(String requestId, LocalDate resubmissionDue) {
        jdbc.sql("update request_view set awaiting = true, due_date = :d, reminder_date = null where request_id = :id")
                .param("id", requestId).param("d", resubmissionDue).update();
    }

    public void extended(String requestId, LocalDate newDueDate) {
        jdbc.sql("update request_view set due_date = :d where request_id = :id").param("id", requestId)
                .param("d", newDueDate).update();
    }

    public List<Request> awaitingRequests() {
        return jdbc.sql("select * from request_view where awaiting = true").query((rs, n) -> new Request(
                rs.getString("request_id"), rs.getString("audit_id"), rs.getString("programme_id"), rs.getString("agency"),
                rs.getString("case_reference"), rs.getObject("due_date", LocalDate.class),
                rs.getObject("reminder_date", LocalDate.class), rs.getBoolean("awaiting"))).list();
    }

    public void concernRaised(Concern concern) {
        jdbc.sql("delete from concern_view where concern_id = :id").param("id", concern.concernId()).update();
        jdbc.sql("insert into concern_view (concern_id, request_id, audit_id, programme_id, agency, case_reference,"
                        + " raised_at, acknowledged) values (:id, '', :audit, :p, :a, :c, :at, :ack)")
                .param("id", concern.concernId()).param("audit", concern.auditId()).param("p", concern.programmeId())
                .param("a", concern.agency()).param("c", concern.caseReference())
                .param("at", Timestamp.from(concern.raisedAt())).param("ack", concern.acknowledged()).update();
    }

    public void concernAcknowledged(String concernId) {
        jdbc.sql("update concern_view set acknowledged = true where concern_id = :id").param("id", concernId).update();
    }

    public java.util.Optional<Concern> concern(String concernId) {
        return jdbc.sql("select * from concern_view where concern_id = :id").param("id", concernId).query((rs, n) -> new Concern(
                rs.getString("concern_id"), rs.getString("audit_id"), rs.getString("programme_id"), rs.getString("agency"),
                rs.getString("case_reference"), rs.getTimestamp("raised_at").toInstant(), rs.getBoolean("acknowledged")))
                .optional();
    }

    public boolean isAcknowledged(String concernId) {
        return jdbc.sql("select acknowledged from concern_view where concern_id = :id").param("id", concernId)
                .query(Boolean.class).optional().orElse(false);
    }

    public List<Concern> unacknowledgedConcerns() {
        return jdbc.sql("select * from concern_view where acknowledged = false").query((rs, n) -> new Concern(
                rs.getString("concern_id"), rs.getString("audit_id"), rs.getString("programme_id"), rs.getString("agency"),
                rs.getString("case_reference"), rs.getTimestamp("raised_at").toInstant(), false)).list();
    }

    public void action(Action action) {
        jdbc.sql("delete from action_view where action_id = :id").param("id", action.actionId()).update();
        jdbc.sql("insert into action_view (action_id, plan_id, audit_id, programme_id, agency, due_date)"
                        + " values (:id, :plan, :audit, :p, :a, :d)")
                .param("id", action.actionId()).param("plan", action.planId()).param("audit", action.auditId())
                .param("p", action.programmeId()).param("a", action.agency()).param("d", action.dueDate()).update();
    }

    public List<Action> actionsOf(String planId) {
        return jdbc.sql("select * from action_view where plan_id = :plan").param("plan", planId).query((rs, n) -> new Action(
                rs.getString("action_id"), rs.getString("plan_id"), rs.getString("audit_id"), rs.getString("programme_id"),
                rs.getString("agency"), rs.getObject("due_date", LocalDate.class))).list();
    }
}
