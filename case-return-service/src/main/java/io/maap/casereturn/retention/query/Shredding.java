package io.maap.casereturn.retention.query;

import io.maap.events.Sensitive;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import io.maap.support.crypto.AuditKeys;
import io.maap.support.messaging.EventJson;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Crypto-shredding of an audit (ADR 0016): its data key is destroyed, so every copy of its
 * sensitive text (event store, topics, backups) is unreadable for good, and this service's read
 * models have that text replaced by {@link Sensitive#REMOVED} at once, keeping dates, grades,
 * counts and statuses, and once more later ({@link ScrubAgain}): another instance may go on using
 * the key from its cache for a few seconds. The audit's return requests leave this instance's
 * aggregate cache too, as they hold the text opened: the next command reads them from the event
 * store, where it can no longer be opened. Reporting drops the text on its next rebuild.
 */
@Service
public class Shredding {

    public static final String BY_RETENTION_POLICY = "retention-policy";
    public static final String ON_REQUEST = "qa-coordinator";
    private static final Logger log = LoggerFactory.getLogger(Shredding.class);

    private final AuditKeys keys;
    private final JdbcTemplate jdbc;
    private final AuditClosures closures;
    private final RetentionPolicy policy;
    private final ScrubAgain scrubAgain;
    private final Cache aggregates;

    public Shredding(AuditKeys keys, JdbcTemplate jdbc, AuditClosures closures, RetentionPolicy policy) {
        this(keys, jdbc, closures, policy, ScrubAgain.NEVER, NoCache.INSTANCE);
    }

    @Autowired
    public Shredding(AuditKeys keys, JdbcTemplate jdbc, AuditClosures closures, RetentionPolicy policy,
                     ScrubAgain scrubAgain, @Qualifier(AxonSupportAutoConfiguration.AGGREGATE_CACHE) Cache aggregates) {
        this.scrubAgain = scrubAgain;
        this.aggregates = aggregates;
        this.keys = keys;
        this.jdbc = jdbc;
        this.closures = closures;
        this.policy = policy;
    }

    /** Destroys the audit's key and scrubs the read models; repeating it changes nothing. */
    public AuditKeys.Shredding shred(String auditId, String by, String reason, Instant at) {
        boolean now = keys.shred(auditId, by, reason, at);
        jdbc.queryForList("SELECT return_request_id FROM return_request_view WHERE audit_id = ?", String.class, auditId)
                .forEach(aggregates::remove);
        scrubReadModels(auditId);
        scrubAgain.later(auditId);
        if (now) {
            log.info("Sensitive text of audit {} destroyed ({})", auditId, reason);
        }
        return keys.shredding(auditId).orElseThrow();
    }

    public Optional<AuditKeys.Shredding> shredding(String auditId) {
        return keys.shredding(auditId);
    }

    /** Destroys the keys of the audits whose retention has ended by {@code today}; returns their ids. */
    public List<String> shredDue(LocalDate today, Instant now) {
        List<String> due = closures.closedAndKept().stream()
                .filter(c -> !c.closedOn().plusYears(policy.yearsAfterClose(c.partnership())).isAfter(today))
                .map(AuditClosures.Closed::auditId)
                .toList();
        due.forEach(auditId -> shred(auditId, BY_RETENTION_POLICY, BY_RETENTION_POLICY, now));
        return due;
    }

    /** Replaces the audit's text in this service's read models (again); changes nothing the second time. */
    public void scrubReadModels(String auditId) {
        String removed = Sensitive.REMOVED;
        String requests = "SELECT return_request_id FROM return_request_view WHERE audit_id = ?";
        jdbc.update("UPDATE return_request_view SET "
                + "sent_back_reasons = CASE WHEN sent_back_reasons IS NULL THEN NULL ELSE ? END, "
                + "extension_reason = CASE WHEN extension_reason IS NULL THEN NULL ELSE ? END, "
                + "auditor = CASE WHEN auditor IS NULL THEN NULL ELSE ? END, "
                + "case_holder = CASE WHEN case_holder IS NULL THEN NULL ELSE ? END, "
                + "line_manager = CASE WHEN line_manager IS NULL THEN NULL ELSE ? END, "
                + "acknowledged_by = CASE WHEN acknowledged_by IS NULL THEN NULL ELSE ? END, "
                + "accepted_by = CASE WHEN accepted_by IS NULL THEN NULL ELSE ? END, "
                + "extension_approved_by = CASE WHEN extension_approved_by IS NULL THEN NULL ELSE ? END "
                + "WHERE audit_id = ?", removed, removed, removed, removed, removed, removed, removed, removed, auditId);
        jdbc.update("UPDATE safeguarding_concern_view SET summary = ?, "
                + "raised_by = CASE WHEN raised_by IS NULL THEN NULL ELSE ? END, "
                + "response = CASE WHEN response IS NULL THEN NULL ELSE ? END, "
                + "acknowledged_by = CASE WHEN acknowledged_by IS NULL THEN NULL ELSE ? END "
                + "WHERE audit_id = ?", removed, removed, removed, removed, auditId);
        jdbc.query("SELECT id, answers_json FROM return_version_view WHERE return_request_id IN (" + requests + ")",
                (java.sql.ResultSet rs) -> {
                    String id = rs.getString(1);
                    String answers = rs.getString(2);
                    jdbc.update("UPDATE return_version_view SET answers_json = ?, "
                                    + "sent_back_reasons = CASE WHEN sent_back_reasons IS NULL THEN NULL ELSE ? END, "
                                    + "auditor = CASE WHEN auditor IS NULL THEN NULL ELSE ? END, "
                                    + "submitted_by = CASE WHEN submitted_by IS NULL THEN NULL ELSE ? END, "
                                    + "verdict_by = CASE WHEN verdict_by IS NULL THEN NULL ELSE ? END WHERE id = ?",
                            answers == null ? null : removedAnswers(answers), removed, removed, removed, removed, id);
                }, auditId);
    }

    /** The answers with their text removed and their question ids, grades and entry dates kept. */
    static String removedAnswers(String answersJson) {
        JsonNode answers = EventJson.mapper().readTree(answersJson);
        if (answers instanceof ArrayNode array) {
            for (JsonNode answer : array) {
                if (answer instanceof ObjectNode object) {
                    if (object.has("answer")) {
                        object.put("answer", Sensitive.REMOVED);
                    }
                    if (object.get("evidenceReferences") instanceof ArrayNode references) {
                        for (int i = 0; i < references.size(); i++) {
                            references.set(i, Sensitive.REMOVED);
                        }
                    }
                    if (object.get("entries") instanceof ArrayNode entries) {
                        for (JsonNode entry : entries) {
                            if (entry instanceof ObjectNode e && e.has("entry")) {
                                e.put("entry", Sensitive.REMOVED);
                            }
                        }
                    }
                }
            }
        }
        return EventJson.mapper().writeValueAsString(answers);
    }
}
