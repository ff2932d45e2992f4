package io.maap.reporting;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Readiness of the read models' MongoDB by the {@code ping} command. Boot's own Mongo check asks
 * {@code hello}, which a real mongod answers but mongo-java-server (the local run's and the
 * tests' MongoDB) does not, so it would report a working store as down. Declared under the name
 * Boot's check would take, {@code mongo}, which replaces it and keeps the readiness group's member.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelHealth {

    @Bean
    AbstractHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB did not answer ping") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document answer = mongo.executeCommand(new Document("ping", 1));
                builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", answer.get("ok"));
            }
        };
    }
}
