package io.maap.deploycheck.stack;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MongoCredentialsTest {

    private static final Set<String> MONGO = Set.of("mongo");

    @Test
    void theUserAndPasswordAndAuthSourceAreLeftOutForTheSubstitutedService() {
        assertThat(MongoCredentials.withoutCredentials(
                "mongodb://reporting-service:s3cret@mongo:27017/maap-reporting?authSource=maap-reporting", MONGO))
                .isEqualTo("mongodb://mongo:27017/maap-reporting");
        assertThat(MongoCredentials.withoutCredentials(
                "mongodb://u:p@mongo:27017/db?authSource=db&retryWrites=false", MONGO))
                .isEqualTo("mongodb://mongo:27017/db?retryWrites=false");
        assertThat(MongoCredentials.withoutCredentials("mongodb://u:p@mongo/db?w=1&authSource=admin", MONGO))
                .isEqualTo("mongodb://mongo/db?w=1");
    }

    @Test
    void otherValuesAndOtherHostsAreLeftAlone() {
        assertThat(MongoCredentials.withoutCredentials("mongodb://u:p@elsewhere:27017/db?authSource=db", MONGO))
                .isEqualTo("mongodb://u:p@elsewhere:27017/db?authSource=db");
        assertThat(MongoCredentials.withoutCredentials("mongodb://mongo:27017/db", MONGO)).isEqualTo("mongodb://mongo:27017/db");
        assertThat(MongoCredentials.withoutCredentials("jdbc:postgresql://postgres:5432/maap", MONGO))
                .isEqualTo("jdbc:postgresql://postgres:5432/maap");
        assertThat(MongoCredentials.signsInTo("mongodb://u:p@mongo:27017/db", MONGO)).isTrue();
        assertThat(MongoCredentials.signsInTo("mongodb://mongo:27017/db", MONGO)).isFalse();
    }
}
