package io.maap.support.access;

import java.time.Instant;
import java.util.List;

/** Where a service keeps its access records: its own database ({@link JdbcAccessRecordStore}) or another store. */
public interface AccessRecordStore {

    void save(AccessRecord record);

    /** The records in [from, to), oldest first, at most {@code limit}. */
    List<AccessRecord> between(Instant from, Instant to, int limit);
}
