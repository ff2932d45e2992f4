package io.maap.support.access;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Access records in the service's own database, table {@code access_record} (a Flyway migration of the service). */
public class JdbcAccessRecordStore implements AccessRecordStore {

    private final JdbcTemplate jdbc;

    public JdbcAccessRecordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(AccessRecord r) {
        jdbc.update("""
                        insert into access_record (accessed_at, user_id, role, user_agency, endpoint, resource, object_ids,
                                                   query, returned, correlation_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(r.accessedAt()), r.userId(), r.role(), r.userAgency(), r.endpoint(), r.resource(),
                r.objectIds(), r.query(), r.returned(), r.correlationId());
    }

    @Override
    public List<AccessRecord> between(Instant from, Instant to, int limit) {
        return jdbc.query("""
                        select accessed_at, user_id, role, user_agency, endpoint, resource, object_ids, query, returned,
                               correlation_id
                        from access_record where accessed_at >= ? and accessed_at < ? order by accessed_at, id
                        fetch first ? rows only""",
                (rs, i) -> new AccessRecord(rs.getTimestamp("accessed_at").toInstant(), rs.getString("user_id"),
                        rs.getString("role"), rs.getString("user_agency"), rs.getString("endpoint"), rs.getString("resource"),
                        rs.getString("object_ids"), rs.getString("query"), rs.getInt("returned"), rs.getString("correlation_id")),
                Timestamp.from(from), Timestamp.from(to), limit);
    }
}
