package io.maap.casereturn.retention.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * What the retention policy needs from the audit programme's events: which partnership each
 * programme belongs to and when each audit closed (tables {@code programme_partnership},
 * {@code audit_retention}). Idempotent: a repeated event changes nothing.
 */
@Repository
public class AuditClosures {

    private final JdbcTemplate jdbc;

    public AuditClosures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void programme(String programmeId, String partnership) {
        if (jdbc.update("UPDATE programme_partnership SET partnership = ? WHERE programme_id = ?", partnership, programmeId) == 0) {
            jdbc.update("INSERT INTO programme_partnership (programme_id, partnership) VALUES (?, ?)", programmeId, partnership);
        }
    }

    @Transactional
    public void closed(String auditId, String programmeId, LocalDate closedOn) {
        if (jdbc.update("UPDATE audit_retention SET programme_id = ?, closed_on = ? WHERE audit_id = ?",
                programmeId, Date.valueOf(closedOn), auditId) == 0) {
            jdbc.update("INSERT INTO audit_retention (audit_id, programme_id, closed_on) VALUES (?, ?, ?)",
                    auditId, programmeId, Date.valueOf(closedOn));
        }
    }

    /** A closed audit whose text has not been destroyed yet. */
    public record Closed(String auditId, String partnership, LocalDate closedOn) {
    }

    /** Closed audits whose key has not been destroyed, oldest first. */
    public List<Closed> closedAndKept() {
        return jdbc.query("SELECT r.audit_id, p.partnership, r.closed_on FROM audit_retention r "
                        + "LEFT JOIN programme_partnership p ON p.programme_id = r.programme_id "
                        + "LEFT JOIN audit_data_key k ON k.audit_id = r.audit_id "
                        + "WHERE r.closed_on IS NOT NULL AND k.shredded_at IS NULL ORDER BY r.closed_on",
                (rs, n) -> new Closed(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()));
    }
}
