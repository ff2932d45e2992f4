package io.maap.casereturn.retention;

import io.maap.casereturn.retention.query.AuditClosures;
import io.maap.casereturn.retention.query.RetentionPolicy;
import io.maap.casereturn.retention.query.ScrubAgain;
import io.maap.casereturn.retention.query.Shredding;
import io.maap.events.Sensitive;
import io.maap.support.crypto.JdbcAuditKeys;
import io.maap.support.crypto.KeyDistribution;
import io.maap.support.crypto.MasterKey;
import io.maap.testsupport.MovableClock;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The key store, the retention policy and the scrubbing of read models, on the service's own H2 migrations. */
class ShreddingTest {

    static final Instant NOW = Instant.parse("2021-03-01T02:00:00Z");

    JdbcTemplate jdbc;
    JdbcAuditKeys keys;
    AuditClosures closures;
    Shredding shredding;

    @BeforeEach
    void migrate() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/case-return-service/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        keys = new JdbcAuditKeys(jdbc, MasterKey.fromBase64("bWFhcC1sb2NhbC1kZW1vLW1hc3Rlci1rZXktMzJieXQ="),
                new DataSourceTransactionManager(dataSource));
        closures = new AuditClosures(jdbc);
        shredding = new Shredding(keys, jdbc, closures, new RetentionPolicy(6, Map.of("redbridge", 3), Duration.ofHours(6)));
    }

    @Test
    void aKeyIsStoredWrappedAndDestroyedForGood() {
        byte[] key = keys.forWriting("missing-2017").orElseThrow().getEncoded();
        byte[] stored = jdbc.queryForObject("SELECT wrapped_key FROM audit_data_key WHERE audit_id = 'missing-2017'", byte[].class);

        assertThat(stored).isNotEqualTo(key).hasSizeGreaterThan(key.length);
        assertThat(keys.forReading("missing-2017").orElseThrow().getEncoded()).isEqualTo(key);

        shredding.shred("missing-2017", "qa.coordinator", Shredding.ON_REQUEST, NOW);

        assertThat(keys.forReading("missing-2017")).isEmpty();
        assertThat(keys.forWriting("missing-2017")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT wrapped_key FROM audit_data_key WHERE audit_id = 'missing-2017'", byte[].class))
                .isNull();
        assertThat(shredding.shredding("missing-2017").orElseThrow())
                .extracting("shreddedBy", "reason", "shreddedAt").containsExactly("qa.coordinator", "qa-coordinator", NOW);
    }

    @Test
    void theRetentionPolicyDestroysAKeyWhenItsPartnershipsYearsHavePassed() {
        keys.forWriting("missing-2017");
        keys.forWriting("neglect-2019");
        closures.programme("redbridge-2017-18", "redbridge");
        closures.closed("missing-2017", "redbridge-2017-18", LocalDate.of(2018, 3, 1));
        closures.closed("neglect-2019", "elsewhere-2019-20", LocalDate.of(2015, 3, 2)); // no partnership known: 6 years

        assertThat(shredding.shredDue(LocalDate.of(2021, 2, 28), NOW)).isEmpty();
        assertThat(shredding.shredDue(LocalDate.of(2021, 3, 1), NOW)).containsExactly("missing-2017");
        assertThat(shredding.shredDue(LocalDate.of(2021, 3, 1), NOW)).isEmpty();
        assertThat(shredding.shredding("missing-2017").orElseThrow().shreddedBy()).isEqualTo(Shredding.BY_RETENTION_POLICY);
        assertThat(keys.forReading("neglect-2019")).isPresent();
        assertThat(shredding.shredDue(LocalDate.of(2021, 3, 2), NOW)).containsExactly("neglect-2019");
    }

    @Test
    void theReadModelsLoseTheTextAndKeepTheFigures() {
        jdbc.update("INSERT INTO return_request_view (return_request_id, audit_id, agency, status, latest_version, nil_return, "
                + "open_safeguarding_concerns, reminded, auditor, case_holder, sent_back_reasons, due_date) "
                + "VALUES ('r1', 'missing-2017', 'met-police', 'ACCEPTED', 2, false, 1, false, 'DI Brown', 'PC Smith', "
                + "'Name the GP', DATE '2017-10-02')");
        jdbc.update("INSERT INTO return_version_view (id, return_request_id, version, nil_return, working_days_late, "
                + "answers_json, auditor, submitted_on) VALUES ('r1/1', 'r1', 1, false, 3, "
                + "'[{\"questionId\":\"q1\",\"answer\":\"Seen at 12 Acacia Road\",\"evidenceReferences\":[\"REC-1\"],"
                + "\"entries\":[{\"date\":\"2017-09-01\",\"entry\":\"Visit\"}],\"grade\":\"good\"}]', 'DI Brown', DATE '2017-10-05')");
        jdbc.update("INSERT INTO safeguarding_concern_view (id, concern_id, return_request_id, audit_id, urgent, summary, "
                + "raised_by, raised_at) VALUES ('r1/c1', 'c1', 'r1', 'missing-2017', true, 'Child alone', 'DI Brown', "
                + "TIMESTAMP WITH TIME ZONE '2017-10-03 10:00:00+00')");

        shredding.shred("missing-2017", "qa.coordinator", Shredding.ON_REQUEST, NOW);

        assertThat(jdbc.queryForMap("SELECT * FROM return_request_view")).containsEntry("AUDITOR", Sensitive.REMOVED)
                .containsEntry("CASE_HOLDER", Sensitive.REMOVED).containsEntry("SENT_BACK_REASONS", Sensitive.REMOVED)
                .containsEntry("LINE_MANAGER", null).containsEntry("LATEST_VERSION", 2).containsEntry("STATUS", "ACCEPTED");
        Map<String, Object> version = jdbc.queryForMap("SELECT * FROM return_version_view");
        assertThat((String) version.get("ANSWERS_JSON")).doesNotContain("Acacia", "REC-1", "Visit")
                .contains("\"q1\"", "\"good\"", "2017-09-01", Sensitive.REMOVED);
        assertThat(version).containsEntry("WORKING_DAYS_LATE", 3).containsEntry("AUDITOR", Sensitive.REMOVED);
        assertThat(jdbc.queryForMap("SELECT * FROM safeguarding_concern_view")).containsEntry("SUMMARY", Sensitive.REMOVED)
                .containsEntry("RAISED_BY", Sensitive.REMOVED).containsEntry("URGENT", true);
    }

    @Test
    void anotherInstanceStopsUsingADestroyedKeyOnceItsCachedCopyIsOld() {
        MovableClock clock = new MovableClock(NOW, ZoneOffset.UTC);
        JdbcAuditKeys other = new JdbcAuditKeys(jdbc, MasterKey.fromBase64("bWFhcC1sb2NhbC1kZW1vLW1hc3Rlci1rZXktMzJieXQ="),
                new DataSourceTransactionManager(jdbc.getDataSource()), KeyDistribution.NONE, Duration.ofSeconds(5), clock);
        byte[] key = keys.forWriting("missing-2017").orElseThrow().getEncoded();
        assertThat(other.forReading("missing-2017").orElseThrow().getEncoded()).isEqualTo(key);

        shredding.shred("missing-2017", "qa.coordinator", Shredding.ON_REQUEST, NOW);

        clock.advance(Duration.ofMillis(4_999));
        assertThat(other.forReading("missing-2017")).as("within the cache's age, as documented").isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(other.forReading("missing-2017")).isEmpty();
        assertThat(other.forWriting("missing-2017")).isEmpty();
    }

    @Test
    void aZeroMaxAgeCachesNothing() {
        MovableClock clock = new MovableClock(NOW, ZoneOffset.UTC);
        JdbcAuditKeys uncached = new JdbcAuditKeys(jdbc, MasterKey.fromBase64("bWFhcC1sb2NhbC1kZW1vLW1hc3Rlci1rZXktMzJieXQ="),
                new DataSourceTransactionManager(jdbc.getDataSource()), KeyDistribution.NONE, Duration.ZERO, clock);
        uncached.forWriting("missing-2017").orElseThrow();

        keys.shred("missing-2017", "qa.coordinator", Shredding.ON_REQUEST, NOW);

        assertThat(uncached.forReading("missing-2017")).isEmpty();
    }

    @Test
    void theAuditsReturnRequestsLeaveTheAggregateCache() {
        Cache aggregates = new WeakReferenceCache();
        Object held = new Object();
        aggregates.put("r1", held);
        aggregates.put("other-audit-request", held);
        jdbc.update("INSERT INTO return_request_view (return_request_id, audit_id, agency, status, latest_version, nil_return, "
                + "open_safeguarding_concerns, reminded, due_date) VALUES ('r1', 'missing-2017', 'health', 'AWAITING_QA', "
                + "1, false, 0, false, DATE '2017-10-02')");
        Shredding evicting = new Shredding(keys, jdbc, closures, new RetentionPolicy(6, Map.of(), Duration.ofHours(6)),
                ScrubAgain.NEVER, aggregates);

        evicting.shred("missing-2017", "qa.coordinator", Shredding.ON_REQUEST, NOW);

        assertThat(aggregates.containsKey("r1")).as("its text was opened in memory").isFalse();
        assertThat(aggregates.containsKey("other-audit-request")).isTrue();
    }

    @Test
    void aShreddingAsksForTheReadModelsToBeScrubbedAgainAndTheSecondScrubRemovesTextWrittenMeanwhile() {
        List<String> later = new ArrayList<>();
        Shredding twice = new Shredding(keys, jdbc, closures, new RetentionPolicy(6, Map.of(), Duration.ofHours(6)), later::add,
                NoCache.INSTANCE);
        twice.shred("missing-2017", "qa.coordinator", Shredding.ON_REQUEST, NOW);
        assertThat(later).containsExactly("missing-2017");
        // another instance, its key still cached, wrote text into a view after the first scrub
        jdbc.update("INSERT INTO return_request_view (return_request_id, audit_id, agency, status, latest_version, nil_return, "
                + "open_safeguarding_concerns, reminded, auditor, due_date) VALUES ('r2', 'missing-2017', 'health', 'AWAITING_QA', "
                + "1, false, 0, false, 'Dr Green', DATE '2017-10-02')");

        twice.scrubReadModels("missing-2017");

        assertThat(jdbc.queryForMap("SELECT * FROM return_request_view WHERE return_request_id = 'r2'"))
                .containsEntry("AUDITOR", Sensitive.REMOVED).containsEntry("STATUS", "AWAITING_QA");
    }
}
