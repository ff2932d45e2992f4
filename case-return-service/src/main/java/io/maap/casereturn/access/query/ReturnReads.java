package io.maap.casereturn.access.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who read which return: the access records ({@code access_record}, the one table every sensitive
 * read is recorded in, ADR 0017) of a return request, its versions or its safeguarding concerns,
 * with the audit and agency of the return read (from the return request itself).
 */
@Component
public class ReturnReads {

    /** The resources of {@code access_record} that are reads of one return, and what the query calls them. */
    private static final String SUBJECT = """
            CASE a.resource WHEN 'return-request' THEN 'RETURN_REQUEST' WHEN 'return-versions' THEN 'VERSIONS'
                            ELSE 'SAFEGUARDING_CONCERNS' END""";

    private final JdbcTemplate jdbc;

    public ReturnReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One read of a return by a person. */
    public record ReturnRead(long id, Instant accessedAt, String userId, String role, String userAgency, String endpoint,
                             String returnRequestId, String auditId, String returnAgency, String subject,
                             String correlationId) {
    }

    public record Found(List<ReturnRead> items, long total) {
    }

    /** The reads matching every filter given (null: any), in [from, to), newest first, one page of them. */
    public Found search(String returnRequestId, String userId, String auditId, String returnAgency, Instant from, Instant to,
                        int page, int size) {
        StringBuilder where = new StringBuilder("""
                FROM access_record a JOIN return_request_view v ON v.return_request_id = a.object_ids
                WHERE a.resource IN ('return-request', 'return-versions', 'safeguarding-concern')
                  AND a.accessed_at >= ? AND a.accessed_at < ?""");
        List<Object> parameters = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        filter(where, parameters, "a.object_ids", returnRequestId);
        filter(where, parameters, "a.user_id", userId);
        filter(where, parameters, "v.audit_id", auditId);
        filter(where, parameters, "v.agency", returnAgency);
        Long total = jdbc.queryForObject("SELECT count(*) " + where, Long.class, parameters.toArray());
        List<Object> paged = new ArrayList<>(parameters);
        paged.add((long) page * size);
        paged.add(size);
        List<ReturnRead> items = jdbc.query("""
                        SELECT a.id, a.accessed_at, a.user_id, a.role, a.user_agency, a.endpoint, a.object_ids, v.audit_id,
                               v.agency, %s AS subject, a.correlation_id
                        %s
                        ORDER BY a.accessed_at DESC, a.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""".formatted(SUBJECT, where),
                (rs, n) -> new ReturnRead(rs.getLong("id"), rs.getTimestamp("accessed_at").toInstant(), rs.getString("user_id"),
                        rs.getString("role"), rs.getString("user_agency"), rs.getString("endpoint"), rs.getString("object_ids"),
                        rs.getString("audit_id"), rs.getString("agency"), rs.getString("subject"), rs.getString("correlation_id")),
                paged.toArray());
        return new Found(items, total == null ? 0 : total);
    }

    private static void filter(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }
}
