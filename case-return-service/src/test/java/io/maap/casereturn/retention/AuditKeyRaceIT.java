package io.maap.casereturn.retention;

import io.maap.support.crypto.JdbcAuditKeys;
import io.maap.support.crypto.KeyDistribution;
import io.maap.support.crypto.MasterKey;
import io.maap.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two writers make the first data key of one audit at once, on PostgreSQL (the case the benchmark
 * met: two agencies' commands of one audit in the same moment). The second insert waits on the
 * first's uncommitted row, then fails on the key; the second writer must still answer the key that
 * was committed, not fail the command on a transaction PostgreSQL has already aborted.
 */
class AuditKeyRaceIT {

    private static final MasterKey MASTER = MasterKey.fromBase64(MasterKeyRotationTest.OLD);

    @Test
    void theSecondOfTwoWritersMakingAnAuditsFirstKeyAtOnceGetsTheKeyTheFirstCommitted() throws Exception {
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_audit_key_race");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/case-return-service/postgresql")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        CompletableFuture<Optional<SecretKey>> second = new CompletableFuture<>();
        JdbcAuditKeys loser = new JdbcAuditKeys(jdbc, MASTER, new DataSourceTransactionManager(dataSource));
        JdbcAuditKeys winner = new JdbcAuditKeys(jdbc, MASTER, new DataSourceTransactionManager(dataSource), new KeyDistribution() {
            @Override
            public void created(String auditId, byte[] wrappedKey) {
                // The first writer's row is inserted, not committed: the second writer starts now, and
                // the first commits only once the second is seen waiting on that row's lock.
                CompletableFuture.runAsync(() -> {
                    try {
                        second.complete(loser.forWriting(auditId));
                    } catch (RuntimeException e) {
                        second.completeExceptionally(e);
                    }
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                        Integer.class) > 0);
            }

            @Override
            public void destroyed(String auditId) {
            }
        });

        SecretKey first = winner.forWriting("neglect-2017").orElseThrow();

        assertThat(second.get().map(SecretKey::getEncoded)).as("the second writer gets the committed key")
                .contains(first.getEncoded());
        assertThat(jdbc.queryForList("SELECT audit_id FROM audit_data_key", String.class)).isEqualTo(List.of("neglect-2017"));
    }
}
