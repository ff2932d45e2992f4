package io.maap.notification.notification.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How far each partition of a consumed topic has been read: the next offset and the newest record's
 * timestamp, advanced (never moved back) in the transaction that handled the record.
 */
@Repository
public class ConsumedPositions {

    /** Where one partition stands: {@code nextOffset} is one past the last record handled. */
    public record Position(long nextOffset, Instant newestRecordAt) {
    }

    private final JdbcClient jdbc;

    public ConsumedPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void advance(String topic, int partition, long offset, Instant recordAt) {
        Timestamp at = Timestamp.from(recordAt);
        if (jdbc.sql("update consumed_position set next_offset = greatest(next_offset, :n),"
                        + " newest_record_at = greatest(newest_record_at, :at) where topic = :t and partition_no = :p")
                .param("n", offset + 1).param("at", at).param("t", topic).param("p", partition).update() == 0) {
            jdbc.sql("insert into consumed_position (topic, partition_no, next_offset, newest_record_at)"
                            + " values (:t, :p, :n, :at)")
                    .param("n", offset + 1).param("at", at).param("t", topic).param("p", partition).update();
        }
    }

    public Map<Integer, Position> of(String topic) {
        return jdbc.sql("select partition_no, next_offset, newest_record_at from consumed_position where topic = :t")
                .param("t", topic)
                .query((rs, n) -> Map.entry(rs.getInt(1),
                        new Position(rs.getLong(2), rs.getTimestamp(3).toInstant())))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
