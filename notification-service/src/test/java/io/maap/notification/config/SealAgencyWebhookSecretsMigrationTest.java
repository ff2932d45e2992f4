package io.maap.notification.config;

import io.maap.notification.contact.query.AgencyWebhooks;
import io.maap.notification.contact.query.WebhookSecretSeal;
import io.maap.support.crypto.MasterKey;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose webhook secrets were stored in plain (before V4) has them sealed by the
 * migration, readable as before through the directory, and a secret already sealed is left alone.
 */
class SealAgencyWebhookSecretsMigrationTest {

    static final String PLAIN = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    final WebhookSecretSeal seal = new WebhookSecretSeal(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])));

    @Test
    void plainSecretsAreSealedAndStillReadAndSealedOnesAreLeftAlone() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/notification-service/h2").target("3")
                .load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String alreadySealed = seal.seal("Redbridge LSCB", "met-police", "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        for (List<String> row : List.of(List.of("nelft", PLAIN), List.of("met-police", alreadySealed))) {
            jdbc.sql("insert into agency_webhook (partnership, agency, url, secret, email_too, updated_by, updated_at)"
                            + " values ('Redbridge LSCB', :a, 'https://agency.example/maap', :s, true, 'qa', :at)")
                    .param("a", row.get(0)).param("s", row.get(1)).param("at", Timestamp.from(Instant.EPOCH)).update();
        }

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/notification-service/h2")
                .javaMigrations(new V5__SealAgencyWebhookSecrets(seal)).load().migrate();

        String stored = jdbc.sql("select secret from agency_webhook where agency = 'nelft'").query(String.class).single();
        assertThat(stored).isNotEqualTo(PLAIN).doesNotContain(PLAIN.substring("whsec_".length()))
                .startsWith("maap-webhook-secret:v1:");
        assertThat(jdbc.sql("select secret from agency_webhook where agency = 'met-police'").query(String.class).single())
                .isEqualTo(alreadySealed);
        AgencyWebhooks webhooks = new AgencyWebhooks(jdbc, seal);
        assertThat(webhooks.find("Redbridge LSCB", "nelft").orElseThrow().secret()).isEqualTo(PLAIN);
        assertThat(webhooks.find("Redbridge LSCB", "met-police").orElseThrow().secret())
                .isEqualTo("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }
}
