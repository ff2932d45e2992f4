package io.maap.reporting.access.query;

import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.support.access.AccessRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MongoAccessRecordStoreTest {

    private final ProjectionStore projections = ProjectionTestSupport.newStore();
    private final MongoAccessRecordStore store = new MongoAccessRecordStore(projections.mongo());

    @Test
    void recordsAreKeptApartFromTheReadModelsAndReadBackByTimeRangeOldestFirst() {
        AccessRecord first = record("2026-12-01T09:00:00Z", "qa.coordinator");
        AccessRecord second = record("2026-12-02T09:00:00Z", "board.member");
        store.save(second);
        store.save(first);
        store.save(record("2026-12-03T09:00:00Z", "later"));

        projections.drop();

        assertThat(store.between(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-03T00:00:00Z"), 10))
                .containsExactly(first, second);
        assertThat(store.between(Instant.EPOCH, Instant.parse("2027-01-01T00:00:00Z"), 1)).containsExactly(first);
    }

    private static AccessRecord record(String at, String user) {
        return new AccessRecord(Instant.parse(at), user, "QA_COORDINATOR", null, "GET /api/safeguarding-concerns",
                "safeguarding-concern", "rr-1/c-1", "open=true", 1, "corr-1");
    }
}
