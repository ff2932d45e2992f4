package io.maap.casereturn.retention;

import io.maap.support.crypto.JdbcAuditKeys;
import io.maap.support.crypto.KeyDistribution;
import io.maap.support.crypto.MasterKey;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the master key, on the service's own H2 migrations: the data keys wrapped by the old key
 * stay readable while it is configured as a previous key, are wrapped again under the new one (and
 * republished) by {@link JdbcAuditKeys#rewrapAll}, and then no longer need the old key at all.
 */
class MasterKeyRotationTest {

    static final String OLD = "bWFhcC1sb2NhbC1kZW1vLW1hc3Rlci1rZXktMzJieXQ=";
    static final String NEW = "bmV3LW1hc3Rlci1rZXktYWZ0ZXItcm90YXRpb24hISE=";

    JdbcDataSource dataSource;
    JdbcTemplate jdbc;
    final List<String> published = new ArrayList<>();
    final Map<String, byte[]> onTopic = new java.util.HashMap<>();

    @BeforeEach
    void migrate() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/case-return-service/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    private JdbcAuditKeys keys(MasterKey master) {
        return new JdbcAuditKeys(jdbc, master, new DataSourceTransactionManager(dataSource), new KeyDistribution() {
            @Override
            public void created(String auditId, byte[] wrappedKey) {
                published.add(auditId);
                onTopic.put(auditId, wrappedKey);
            }

            @Override
            public void destroyed(String auditId) {
                onTopic.remove(auditId);
            }
        });
    }

    private int version(String auditId) {
        return jdbc.queryForObject("SELECT master_key_version FROM audit_data_key WHERE audit_id = ?", Integer.class, auditId);
    }

    @Test
    void keysWrappedByTheReplacedMasterKeyAreReadThenWrappedAgainUnderTheNewOne() {
        JdbcAuditKeys before = keys(MasterKey.fromBase64(OLD));
        byte[] missing = before.forWriting("missing-2017").orElseThrow().getEncoded();
        byte[] neglect = before.forWriting("neglect-2019").orElseThrow().getEncoded();
        before.forWriting("shredded-2016");
        before.shred("shredded-2016", "qa.coordinator", "qa-coordinator", Instant.parse("2021-03-01T00:00:00Z"));
        assertThat(version("missing-2017")).isEqualTo(1);
        published.clear();

        MasterKey rotated = MasterKey.fromBase64(NEW, 2, List.of(OLD));
        JdbcAuditKeys after = keys(rotated);
        assertThat(after.forReading("missing-2017").orElseThrow().getEncoded()).as("the previous key still unwraps").isEqualTo(missing);

        assertThat(after.rewrapAll()).isEqualTo(2);

        assertThat(version("missing-2017")).isEqualTo(2);
        assertThat(version("neglect-2019")).isEqualTo(2);
        assertThat(published).containsExactly("missing-2017", "neglect-2019");
        assertThat(after.rewrapAll()).as("nothing left to wrap again").isZero();
        MasterKey newOnly = MasterKey.fromBase64(NEW, 2, List.of());
        JdbcAuditKeys withoutTheOldKey = keys(newOnly);
        assertThat(withoutTheOldKey.forReading("missing-2017").orElseThrow().getEncoded()).isEqualTo(missing);
        assertThat(withoutTheOldKey.forReading("neglect-2019").orElseThrow().getEncoded()).isEqualTo(neglect);
        assertThat(withoutTheOldKey.forReading("shredded-2016")).as("a destroyed key stays destroyed").isEmpty();
        assertThat(newOnly.unwrap(onTopic.get("missing-2017"), "missing-2017").getEncoded())
                .as("the readers get the new wrapping").isEqualTo(missing);
    }

    @Test
    void aKeyWrappedByAMasterKeyNoLongerConfiguredCannotBeUnwrapped() {
        keys(MasterKey.fromBase64(OLD)).forWriting("missing-2017");

        JdbcAuditKeys forgotten = keys(MasterKey.fromBase64(NEW, 2, List.of()));

        assertThatThrownBy(() -> forgotten.forReading("missing-2017")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(forgotten::rewrapAll).isInstanceOf(IllegalStateException.class);
        assertThat(version("missing-2017")).isEqualTo(1);
    }

    @Test
    void newKeysAreWrappedByTheCurrentVersion() {
        keys(MasterKey.fromBase64(NEW, 3, List.of(OLD))).forWriting("missing-2017");

        assertThat(version("missing-2017")).isEqualTo(3);
    }
}
