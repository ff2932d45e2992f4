package io.maap.notification.config;

import io.maap.notification.contact.query.WebhookSecretSeal;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals with the master key every agency webhook secret stored in plain before secrets were sealed
 * (H2 and PostgreSQL alike: plain JDBC). A secret already sealed is left as it is, so running on a
 * database some of whose rows are sealed changes only the others.
 */
public class V5__SealAgencyWebhookSecrets extends BaseJavaMigration {

    private final WebhookSecretSeal seal;

    public V5__SealAgencyWebhookSecrets(WebhookSecretSeal seal) {
        this.seal = seal;
    }

    private record Row(String partnership, String agency, String secret) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        List<Row> plain = new ArrayList<>();
        try (PreparedStatement select = context.getConnection()
                .prepareStatement("select partnership, agency, secret from agency_webhook");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Row row = new Row(rows.getString(1), rows.getString(2), rows.getString(3));
                if (!WebhookSecretSeal.isSealed(row.secret())) {
                    plain.add(row);
                }
            }
        }
        try (PreparedStatement update = context.getConnection()
                .prepareStatement("update agency_webhook set secret = ? where partnership = ? and agency = ?")) {
            for (Row row : plain) {
                update.setString(1, seal.seal(row.partnership(), row.agency(), row.secret()));
                update.setString(2, row.partnership());
                update.setString(3, row.agency());
                update.executeUpdate();
            }
        }
    }
}
