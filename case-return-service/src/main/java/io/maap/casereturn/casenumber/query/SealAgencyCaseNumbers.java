package io.maap.casereturn.casenumber.query;

import io.maap.events.Sensitive;
import io.maap.support.crypto.MasterKey;
import io.maap.support.crypto.SealedText;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flyway 3.19 (after V3_18 widened the column; above 3.17, the highest version a database may already have): seals the agency case numbers stored in clear before
 * they were encrypted, each under its audit's data key as {@link CaseNumberSeal} does. An audit
 * without a key gets one, wrapped by the master key and marked unpublished, so that it reaches
 * {@code maap.audit-keys.v1} before its first use ({@code JdbcAuditKeys}); an audit whose key was
 * destroyed keeps no number ({@link Sensitive#REMOVED}). A Spring bean, since it needs the master key.
 */
public class SealAgencyCaseNumbers implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(SealAgencyCaseNumbers.class);

    private final MasterKey masterKey;

    public SealAgencyCaseNumbers(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3.19");
    }

    @Override
    public String getDescription() {
        return "seal agency case numbers";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String[]> clear = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT n.return_request_id, n.case_number, r.audit_id FROM agency_case_number n "
                        + "LEFT JOIN return_request_view r ON r.return_request_id = n.return_request_id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (!SealedText.isSealed(rows.getString(2))) {
                    clear.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
        }
        for (String[] row : clear) {
            String requestId = row[0];
            String auditId = row[2];
            if (auditId == null) { // a number is only kept for a known request; without its audit it cannot be sealed
                update(connection, "DELETE FROM agency_case_number WHERE return_request_id = ?", requestId);
                log.warn("Removed the agency case number of return request {}: no audit known to seal it under", requestId);
                continue;
            }
            String stored = key(connection, auditId)
                    .map(key -> SealedText.seal(key, auditId, row[1], CaseNumberSeal.context(requestId)))
                    .orElse(Sensitive.REMOVED);
            update(connection, "UPDATE agency_case_number SET case_number = ? WHERE return_request_id = ?", stored, requestId);
        }
        if (!clear.isEmpty()) {
            log.info("Sealed {} agency case number(s) stored in clear", clear.size());
        }
    }

    /** The audit's data key; a new one (unpublished) when it has none; empty when it was destroyed. */
    private Optional<SecretKey> key(Connection connection, String auditId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT wrapped_key, shredded_at FROM audit_data_key WHERE audit_id = ?")) {
            select.setString(1, auditId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    byte[] wrapped = row.getBytes(1);
                    return wrapped == null || row.getTimestamp(2) != null
                            ? Optional.empty() : Optional.of(masterKey.unwrap(wrapped, auditId));
                }
            }
        }
        SecretKey key = MasterKey.newDataKey();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_data_key (audit_id, wrapped_key, created_at, published, master_key_version) "
                        + "VALUES (?, ?, ?, FALSE, ?)")) {
            insert.setString(1, auditId);
            insert.setBytes(2, masterKey.wrap(key, auditId));
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.setInt(4, masterKey.version());
            insert.executeUpdate();
        }
        return Optional.of(key);
    }

    private static void update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
