package io.maap.support.crypto;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditKeys} in the service's own database, table {@code audit_data_key} (made by the
 * service's Flyway migrations): one row per audit, the data key wrapped by the master key, and
 * once destroyed no key but when, by whom and why. A new key is committed in its own transaction,
 * so an event written with it never outlives it. Two writers making an audit's first key at
 * once (concurrent commands of one audit) both get the one that committed first.
 *
 * <p>Unwrapped keys are cached in memory for at most {@code cacheMaxAge}
 * ({@code maap.crypto.key-cache-max-age}, {@link #DEFAULT_CACHE_MAX_AGE} by default) and evicted at
 * once when this instance destroys them. With several instances of the service (ADR 0018), a key
 * destroyed by another instance is used here until its entry is that old, never longer; the
 * shredding then scrubs the read models again once every instance's entry has expired.
 *
 * <p>A key is delivered to the readers ({@link KeyDistribution}) before the row that holds it
 * commits, so a committed key cannot have missed its publication. A row made otherwise (by a
 * migration, column {@code published} false) is published before its first use for writing, or
 * by {@link #publishPending()} at start.
 */
public class JdbcAuditKeys implements AuditKeys {

    /** Statements of this store's own transactions (making, publishing, destroying, rewrapping keys). */
    private final JdbcTemplate jdbc;
    /** Reads in the caller's transaction, on the connection it holds (or one of its own outside any). */
    private final JdbcTemplate callers;
    private final MasterKey masterKey;
    private final TransactionTemplate newTransaction;
    /** How long an unwrapped key is used from memory before it is read again. */
    public static final Duration DEFAULT_CACHE_MAX_AGE = Duration.ofSeconds(5);

    private final KeyCache cache;
    private final KeyDistribution distribution;

    public JdbcAuditKeys(JdbcTemplate jdbc, MasterKey masterKey, PlatformTransactionManager transactions) {
        this(jdbc, masterKey, transactions, KeyDistribution.NONE);
    }

    public JdbcAuditKeys(JdbcTemplate jdbc, MasterKey masterKey, PlatformTransactionManager transactions,
                         KeyDistribution distribution) {
        this(jdbc, masterKey, transactions, distribution, DEFAULT_CACHE_MAX_AGE, Clock.systemUTC());
    }

    /** {@code cacheMaxAge} zero caches nothing: every use reads the key's row. */
    public JdbcAuditKeys(JdbcTemplate jdbc, MasterKey masterKey, PlatformTransactionManager transactions,
                         KeyDistribution distribution, Duration cacheMaxAge, Clock clock) {
        this(jdbc, jdbc, masterKey, transactions, distribution, cacheMaxAge, clock);
    }

    /**
     * With the store's own transactions on connections of their own ({@code own} and
     * {@code ownTransactions}, over a pool of their own: {@link AuditKeyPool}), apart from the
     * connections callers hold ({@code callers}): a command that makes its audit's first key holds
     * one of the service's connections and waits for one of the key pool's, whose holders never
     * wait for the service's, so commands cannot exhaust the pool waiting for each other.
     */
    public JdbcAuditKeys(JdbcTemplate callers, JdbcTemplate own, MasterKey masterKey, PlatformTransactionManager ownTransactions,
                         KeyDistribution distribution, Duration cacheMaxAge, Clock clock) {
        this.cache = new KeyCache(cacheMaxAge, clock);
        this.distribution = distribution;
        this.jdbc = own;
        this.callers = callers;
        this.masterKey = masterKey;
        this.newTransaction = new TransactionTemplate(ownTransactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The audit's key for new text. A key already made and published is read in the caller's
     * transaction, on the connection the command already holds: a command asks for its audit's key
     * while it appends its events, and a second connection for that would let commands that each
     * hold one wait for another until the pool's timeout (seen at 200 submissions/s with 16 clients
     * and the pool's 10 connections: every one of them held by a command waiting for a second).
     * Only making or publishing a key takes a transaction of its own, once per audit (on a pool of
     * its own in the services: {@link AuditKeyPool}).
     */
    @Override
    public Optional<SecretKey> forWriting(String auditId) {
        SecretKey cached = cache.get(auditId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Row> existing = row(callers, auditId);
        if (existing.isPresent() && (existing.get().published() || existing.get().wrapped() == null)) {
            return key(auditId, existing.get());
        }
        try {
            return newTransaction.execute(status -> {
                Optional<Row> row = row(auditId);
                if (row.isPresent()) {
                    publishIfPending(auditId, row.get());
                    return key(auditId, row.get().asPublished());
                }
                SecretKey key = MasterKey.newDataKey();
                byte[] wrapped = masterKey.wrap(key, auditId);
                jdbc.update("INSERT INTO audit_data_key (audit_id, wrapped_key, created_at, published, master_key_version) "
                        + "VALUES (?, ?, ?, ?, ?)", auditId, wrapped, Timestamp.from(Instant.now()), true, masterKey.version());
                distribution.created(auditId, wrapped); // before commit: a key the readers lack is never used
                cache.put(auditId, key);
                return Optional.of(key);
            });
        } catch (DuplicateKeyException raced) {
            // Another writer made the audit's key meanwhile (and committed it: the insert waited for it).
            // The failed insert spoilt that transaction on PostgreSQL, so the winner's key is read in a new one.
            return newTransaction.execute(status -> row(auditId).flatMap(r -> key(auditId, r)));
        }
    }

    @Override
    public Optional<SecretKey> forReading(String auditId) {
        SecretKey cached = cache.get(auditId);
        return cached != null ? Optional.of(cached) : row(callers, auditId).flatMap(r -> key(auditId, r));
    }

    /** How long a key destroyed by another instance may still be used here. */
    public Duration cacheMaxAge() {
        return cache.maxAge();
    }

    @Override
    public boolean shred(String auditId, String by, String reason, Instant at) {
        Boolean shredded = newTransaction.execute(status -> {
            int changed = jdbc.update("UPDATE audit_data_key SET wrapped_key = NULL, shredded_at = ?, shredded_by = ?, "
                    + "shred_reason = ? WHERE audit_id = ? AND shredded_at IS NULL", Timestamp.from(at), by, reason, auditId);
            if (changed == 0 && row(auditId).isEmpty()) {
                jdbc.update("INSERT INTO audit_data_key (audit_id, wrapped_key, created_at, shredded_at, shredded_by, "
                        + "shred_reason) VALUES (?, NULL, ?, ?, ?, ?)", auditId, Timestamp.from(at), Timestamp.from(at),
                        by, reason);
                changed = 1;
            }
            return changed > 0;
        });
        cache.remove(auditId);
        distribution.destroyed(auditId); // also when already destroyed: a retry repeats a lost tombstone
        return Boolean.TRUE.equals(shredded);
    }

    /**
     * Publishes every key not yet delivered to the readers (made by a migration); returns how many.
     * Each is marked in the transaction that publishes it.
     */
    public int publishPending() {
        List<String> pending = jdbc.queryForList("SELECT audit_id FROM audit_data_key WHERE published = FALSE "
                + "AND wrapped_key IS NOT NULL ORDER BY audit_id", String.class);
        int published = 0;
        for (String auditId : pending) {
            Boolean done = newTransaction.execute(status -> row(auditId).map(r -> publishIfPending(auditId, r)).orElse(false));
            if (Boolean.TRUE.equals(done)) {
                published++;
            }
        }
        return published;
    }

    /**
     * Wraps every data key not wrapped by the current master key again under it, and publishes it so
     * that the readers hold the new wrapping (before it commits, like a new key); returns how many.
     * Run at start (a rotated master key is configured with the replaced one among the previous keys).
     */
    public int rewrapAll() {
        List<String> stale = jdbc.queryForList("SELECT audit_id FROM audit_data_key WHERE wrapped_key IS NOT NULL "
                + "AND master_key_version <> ? ORDER BY audit_id", String.class, masterKey.version());
        int rewrapped = 0;
        for (String auditId : stale) {
            Boolean done = newTransaction.execute(status -> {
                List<byte[]> current = jdbc.query("SELECT wrapped_key FROM audit_data_key WHERE audit_id = ? "
                        + "AND wrapped_key IS NOT NULL AND master_key_version <> ? FOR UPDATE", (rs, n) -> rs.getBytes(1),
                        auditId, masterKey.version());
                if (current.isEmpty()) {
                    return false; // destroyed or rewrapped meanwhile
                }
                byte[] wrapped = masterKey.wrap(masterKey.unwrap(current.get(0), auditId), auditId);
                distribution.created(auditId, wrapped);
                jdbc.update("UPDATE audit_data_key SET wrapped_key = ?, master_key_version = ?, published = TRUE "
                        + "WHERE audit_id = ?", wrapped, masterKey.version(), auditId);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                rewrapped++;
            }
        }
        return rewrapped;
    }

    private boolean publishIfPending(String auditId, Row row) {
        if (row.published() || row.wrapped() == null) {
            return false;
        }
        distribution.created(auditId, row.wrapped());
        jdbc.update("UPDATE audit_data_key SET published = TRUE WHERE audit_id = ?", auditId);
        return true;
    }

    @Override
    public Optional<Shredding> shredding(String auditId) {
        List<Shredding> rows = callers.query("SELECT shredded_at, shredded_by, shred_reason FROM audit_data_key "
                        + "WHERE audit_id = ? AND shredded_at IS NOT NULL",
                (rs, n) -> new Shredding(auditId, rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)),
                auditId);
        return rows.stream().findFirst();
    }

    private Optional<SecretKey> key(String auditId, Row row) {
        if (row.wrapped() == null) {
            return Optional.empty();
        }
        SecretKey key = masterKey.unwrap(row.wrapped(), auditId);
        if (row.published()) { // an unpublished key must pass forWriting's publication before it is used from the cache
            cache.put(auditId, key);
        }
        return Optional.of(key);
    }

    private Optional<Row> row(String auditId) {
        return row(jdbc, auditId);
    }

    private static Optional<Row> row(JdbcTemplate jdbc, String auditId) {
        return jdbc.query("SELECT wrapped_key, published FROM audit_data_key WHERE audit_id = ?",
                (rs, n) -> new Row(rs.getBytes(1), rs.getBoolean(2)), auditId).stream().findFirst();
    }

    private record Row(byte[] wrapped, boolean published) {
        Row asPublished() {
            return new Row(wrapped, true);
        }
    }
}
