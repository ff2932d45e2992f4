package io.maap.casereturn.access;

import io.maap.casereturn.access.query.ReturnReads;
import io.maap.casereturn.access.query.ReturnReads.ReturnRead;
import io.maap.casereturn.casenumber.query.SealAgencyCaseNumbers;
import io.maap.support.access.AccessRecord;
import io.maap.support.access.JdbcAccessRecordStore;
import io.maap.support.crypto.MasterKey;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One table of access records in case-return-service (its Flyway migrations, on H2): the rows of the
 * old {@code return_access_record} are copied into {@code access_record} once, the old table is gone,
 * and "who read which return" is answered from {@code access_record} alone.
 */
class ReturnReadsTest {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    JdbcDataSource dataSource;
    JdbcTemplate jdbc;
    ReturnReads reads;
    JdbcAccessRecordStore store;

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        reads = new ReturnReads(jdbc);
        store = new JdbcAccessRecordStore(jdbc);
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/case-return-service/h2")
                .javaMigrations(new SealAgencyCaseNumbers(MasterKey.fromBase64("bWFhcC1sb2NhbC1kZW1vLW1hc3Rlci1rZXktMzJieXQ=")))
                .target(target).load().migrate();
    }

    private void request(String id, String auditId, String agency) {
        jdbc.update("INSERT INTO return_request_view (return_request_id, audit_id, agency, latest_version, nil_return, "
                + "open_safeguarding_concerns, reminded) VALUES (?, ?, ?, 0, FALSE, 0, FALSE)", id, auditId, agency);
    }

    private void oldRead(Instant at, String user, String requestId, String subject, String correlationId) {
        jdbc.update("INSERT INTO return_access_record (accessed_at, user_id, role, user_agency, return_request_id, audit_id, "
                        + "return_agency, subject, correlation_id) VALUES (?, ?, 'QA_COORDINATOR', NULL, ?, 'missing-2026', "
                        + "'met-police', ?, ?)", Timestamp.from(at), user, requestId, subject, correlationId);
    }

    private void read(Instant at, String user, String resource, String ids, String correlationId) {
        store.save(new AccessRecord(at, user, "AGENCY_SPOC", "met-police", "GET /api/return-requests/" + ids, resource, ids,
                null, 1, correlationId));
    }

    @Test
    void theOldTablesRowsAreCopiedOnceAndTheOldTableIsDropped() {
        migrate("3.19");
        request("rr-1", "missing-2026", "met-police");
        oldRead(T0, "qa.coordinator", "rr-1", "RETURN_REQUEST", "c-before"); // before access_record existed
        oldRead(T0.plusSeconds(60), "spoc.met", "rr-1", "VERSIONS", "c-both"); // written to both tables
        read(T0.plusSeconds(60).plusNanos(3000), "spoc.met", "return-versions", "rr-1", "c-both");

        migrate("latest");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_record", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables "
                + "WHERE lower(table_name) = 'return_access_record'", Integer.class)).isZero();
        ReturnReads.Found found = reads.search("rr-1", null, null, null, Instant.EPOCH, T0.plusSeconds(3600), 0, 50);
        assertThat(found.total()).isEqualTo(2);
        assertThat(found.items()).extracting(ReturnRead::subject, ReturnRead::userId, ReturnRead::auditId,
                        ReturnRead::returnAgency, ReturnRead::correlationId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VERSIONS", "spoc.met", "missing-2026", "met-police", "c-both"),
                        org.assertj.core.groups.Tuple.tuple("RETURN_REQUEST", "qa.coordinator", "missing-2026", "met-police",
                                "c-before"));
    }

    @Test
    void readsOfAReturnAreFoundByRequestUserAuditAgencyAndTimeNewestFirstAndListsOfSeveralAreNot() {
        migrate("latest");
        request("rr-1", "missing-2026", "met-police");
        request("rr-2", "missing-2026", "nelft");
        request("rr-3", "neglect-2026", "met-police");
        read(T0, "spoc.met", "return-request", "rr-1", "c1");
        read(T0.plusSeconds(1), "spoc.met", "safeguarding-concern", "rr-1", "c2");
        read(T0.plusSeconds(2), "spoc.nelft", "return-versions", "rr-2", "c3");
        read(T0.plusSeconds(3), "qa.coordinator", "return-request", "rr-3", "c4");
        read(T0.plusSeconds(4), "qa.coordinator", "return-request", "rr-1 rr-2", "c5"); // a list: not one return's read
        read(T0.plusSeconds(5), "spoc.met", "safeguarding-concern", "rr-1/c-1", "c6"); // urgent concerns list

        assertThat(reads.search(null, null, null, null, Instant.EPOCH, T0.plusSeconds(60), 0, 50).items())
                .extracting(ReturnRead::correlationId).containsExactly("c4", "c3", "c2", "c1");
        assertThat(reads.search("rr-1", null, null, null, Instant.EPOCH, T0.plusSeconds(60), 0, 50).items())
                .extracting(ReturnRead::subject).containsExactly("SAFEGUARDING_CONCERNS", "RETURN_REQUEST");
        assertThat(reads.search(null, "spoc.nelft", null, null, Instant.EPOCH, T0.plusSeconds(60), 0, 50).items())
                .extracting(ReturnRead::returnRequestId).containsExactly("rr-2");
        assertThat(reads.search(null, null, "missing-2026", "met-police", Instant.EPOCH, T0.plusSeconds(60), 0, 50).items())
                .extracting(ReturnRead::correlationId).containsExactly("c2", "c1");
        assertThat(reads.search(null, null, null, null, T0.plusSeconds(1), T0.plusSeconds(3), 0, 50).items())
                .extracting(ReturnRead::correlationId).containsExactly("c3", "c2");
        ReturnReads.Found secondPage = reads.search(null, null, null, null, Instant.EPOCH, T0.plusSeconds(60), 1, 3);
        assertThat(secondPage.total()).isEqualTo(4);
        assertThat(secondPage.items()).extracting(ReturnRead::correlationId).containsExactly("c1");
        assertThat(secondPage.items().get(0).endpoint()).isEqualTo("GET /api/return-requests/rr-1");
    }
}
