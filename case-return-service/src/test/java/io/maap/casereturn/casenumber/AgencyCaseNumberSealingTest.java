package io.maap.casereturn.casenumber;

import io.maap.casereturn.casenumber.query.CaseNumberSeal;
import io.maap.casereturn.casenumber.query.SealAgencyCaseNumbers;
import io.maap.events.Sensitive;
import io.maap.support.crypto.JdbcAuditKeys;
import io.maap.support.crypto.KeyDistribution;
import io.maap.support.crypto.MasterKey;
import io.maap.support.crypto.SealedText;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An agency's own case number is stored sealed under its audit's key, on the service's own H2
 * migrations: numbers kept in clear before are sealed by the V3_19 migration, and a destroyed
 * audit key leaves them unreadable.
 */
class AgencyCaseNumberSealingTest {

    static final MasterKey MASTER = MasterKey.fromBase64("bWFhcC1sb2NhbC1kZW1vLW1hc3Rlci1rZXktMzJieXQ=");
    static final Instant NOW = Instant.parse("2021-03-01T02:00:00Z");

    JdbcDataSource dataSource;
    JdbcTemplate jdbc;
    List<String> published = new ArrayList<>();
    JdbcAuditKeys keys;
    CaseNumberSeal seal;

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        keys = new JdbcAuditKeys(jdbc, MASTER, new DataSourceTransactionManager(dataSource), new KeyDistribution() {
            @Override
            public void created(String auditId, byte[] wrappedKey) {
                published.add(auditId);
            }

            @Override
            public void destroyed(String auditId) {
                published.add("-" + auditId);
            }
        });
        seal = new CaseNumberSeal(keys);
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/case-return-service/h2")
                .javaMigrations(new SealAgencyCaseNumbers(MASTER)).target(target).load();
    }

    private void request(String id, String auditId) {
        jdbc.update("INSERT INTO return_request_view (return_request_id, audit_id, agency, latest_version, nil_return, "
                + "open_safeguarding_concerns, reminded) VALUES (?, ?, 'MPS', 0, FALSE, 0, FALSE)", id, auditId);
    }

    private void clearNumber(String id, String number) {
        jdbc.update("INSERT INTO agency_case_number (return_request_id, agency, case_number, recorded_by, recorded_at) "
                + "VALUES (?, 'MPS', ?, 'spoc.met', ?)", id, number, java.sql.Timestamp.from(NOW));
    }

    private String stored(String id) {
        return jdbc.queryForObject("SELECT case_number FROM agency_case_number WHERE return_request_id = ?", String.class, id);
    }

    @Test
    void aNumberIsStoredSealedUnderItsAuditsKeyAndReadBack() {
        flyway("latest").migrate();

        String sealed = seal.seal("missing-2017", "r1", "CRIS 4471/17").orElseThrow();

        assertThat(sealed).startsWith(Sensitive.SEALED_PREFIX + "missing-2017:").doesNotContain("4471");
        assertThat(SealedText.keyId(sealed)).isEqualTo("missing-2017");
        assertThat(seal.open("r1", sealed)).isEqualTo("CRIS 4471/17");
        assertThat(published).containsExactly("missing-2017");
    }

    @Test
    void aSealedNumberCannotBePassedOffAsAnotherRequests() {
        flyway("latest").migrate();
        String sealed = seal.seal("missing-2017", "r1", "CRIS 4471/17").orElseThrow();

        assertThatThrownBy(() -> seal.open("r2", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterTheAuditsKeyIsDestroyedTheNumberReadsAsRemovedAndNoneCanBeKept() {
        flyway("latest").migrate();
        String sealed = seal.seal("missing-2017", "r1", "CRIS 4471/17").orElseThrow();

        keys.shred("missing-2017", "qa.coordinator", "qa-coordinator", NOW);

        assertThat(seal.open("r1", sealed)).isEqualTo(Sensitive.REMOVED);
        assertThat(seal.seal("missing-2017", "r1", "CRIS 4471/17")).isEmpty();
    }

    @Test
    void theMigrationSealsNumbersKeptInClearAndPublishesTheKeysItMadeBeforeTheirFirstUse() {
        flyway("3.18").migrate();
        request("r1", "missing-2017");
        request("r2", "neglect-2019");
        request("r3", "shredded-2016");
        clearNumber("r1", "CRIS 4471/17");
        clearNumber("r2", "SW-88213");
        clearNumber("r3", "EH 12");
        keys.forWriting("missing-2017"); // an audit with a key already
        keys.shred("shredded-2016", "retention-policy", "retention-policy", NOW);
        published.clear();

        flyway("latest").migrate();

        assertThat(stored("r1")).startsWith(Sensitive.SEALED_PREFIX + "missing-2017:").doesNotContain("4471");
        assertThat(stored("r2")).startsWith(Sensitive.SEALED_PREFIX + "neglect-2019:").doesNotContain("88213");
        assertThat(stored("r3")).isEqualTo(Sensitive.REMOVED);
        assertThat(seal.open("r1", stored("r1"))).isEqualTo("CRIS 4471/17");
        assertThat(published).isEmpty(); // reading the key made by the migration does not publish it ...
        assertThat(seal.open("r2", stored("r2"))).isEqualTo("SW-88213");
        assertThat(published).isEmpty();
        assertThat(keys.publishPending()).isEqualTo(1); // ... start-up does
        assertThat(published).containsExactly("neglect-2019");
        assertThat(keys.publishPending()).isZero();
    }

    @Test
    void aKeyMadeByTheMigrationIsPublishedBeforeItIsFirstUsedForWriting() {
        flyway("3.18").migrate();
        request("r2", "neglect-2019");
        clearNumber("r2", "SW-88213");
        flyway("latest").migrate();
        assertThat(seal.open("r2", stored("r2"))).isEqualTo("SW-88213");

        seal.seal("neglect-2019", "r2", "SW-88214");

        assertThat(published).containsExactly("neglect-2019");
        assertThat(keys.publishPending()).isZero();
    }
}
