package io.maap.support.axon;

import io.maap.support.messaging.EventJson;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.springboot.TimeoutProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Axon set-up every MAAP service with aggregates shares: events, tokens and sagas are
 * serialised as JSON with Jackson 3 (records are not supported by XStream), Axon's binary
 * columns are {@code bytea} on PostgreSQL, and the event store is relayed to Kafka.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@ConditionalOnClass(Serializer.class)
public class AxonSupportAutoConfiguration {

    /** The name of the aggregate cache; every aggregate names it: {@code @Aggregate(cache = AGGREGATE_CACHE)}. */
    public static final String AGGREGATE_CACHE = "maapAggregateCache";

    /**
     * The last {@code maap.aggregate-cache.entries} aggregates used (10,000 by default) stay in
     * memory ({@link BoundedAggregateCache}), so a command on a recently used aggregate reads
     * neither its snapshot nor its events. Only while one instance of the service runs ({@code maap.aggregate-cache.enabled},
     * {@code MAAP_AGGREGATE_CACHE}; docker-compose.yml turns it off): each instance's cache knows
     * nothing of what the others append, so with two instances behind a load balancer a command
     * would be decided on an aggregate as it was before the other instance's last command, and a
     * valid one refused ("no submitted return awaiting quality assurance" right after a submission
     * on the other instance; the deployment check's scale-out phase found it, ADR 0018). A stale
     * entry that accepted a command would be caught by the event store's unique (aggregate,
     * sequence) key, but a refusal is not.
     */
    @Bean(AGGREGATE_CACHE)
    @ConditionalOnMissingBean(name = AGGREGATE_CACHE)
    public Cache maapAggregateCache(Environment environment) {
        return environment.getProperty("maap.aggregate-cache.enabled", Boolean.class, true)
                ? BoundedAggregateCache.holding(environment.getProperty("maap.aggregate-cache.entries", Long.class, 10_000L))
                : NoCache.INSTANCE;
    }

    @Bean
    @Primary
    public Serializer serializer(ObjectProvider<RenamedClasses> renamed) {
        return jsonSerializer(RenamedClasses.allOf(renamed.orderedStream()));
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(ObjectProvider<RenamedClasses> renamed) {
        return jsonSerializer(RenamedClasses.allOf(renamed.orderedStream()));
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ObjectProvider<RenamedClasses> renamed,
                                      ObjectProvider<io.maap.support.crypto.AuditKeys> auditKeys) {
        Serializer json = jsonSerializer(RenamedClasses.allOf(renamed.orderedStream()));
        io.maap.support.crypto.AuditKeys keys = auditKeys.getIfAvailable();
        // Sensitive event text is stored encrypted where the service keeps audit keys (ADR 0016).
        return keys == null ? json : new io.maap.support.crypto.SealingSerializer((Jackson3Serializer) json, keys);
    }

    /** The JSON serializer of every MAAP service; it reads the stored names of moved classes as their new names. */
    public static Serializer jsonSerializer(RenamedClasses renamed) {
        // Axon's tokens carry polymorphic fields (a ReplayToken wraps another token); allow Axon's
        // own types and ours, nothing else.
        var typeValidator = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("io.maap.")
                .allowIfSubType("java.util.")
                .build();
        Jackson3Serializer.Builder builder = Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> {
                    EventJson.configure(mapper);
                    mapper.polymorphicTypeValidator(typeValidator);
                });
        return new Jackson3Serializer(builder) {
            /** Each payload type's class, looked up once: Jackson's look-up is a {@code Class.forName} per event read. */
            private final Map<String, Class<?>> known = new ConcurrentHashMap<>();

            @Override
            protected String resolveClassName(SerializedType type) {
                return renamed.resolve(super.resolveClassName(type));
            }

            @Override
            public Class<?> classForType(SerializedType type) {
                Class<?> cached = known.get(type.getName());
                if (cached != null) {
                    return cached;
                }
                Class<?> found = super.classForType(type);
                if (!UnknownSerializedType.class.equals(found)) { // unknown names stay Axon's to remember
                    known.put(type.getName(), found);
                }
                return found;
            }
        };
    }

    /** Axon's own origin data (correlation and trace ids of messages), kept beside MAAP's attribution. */
    @Bean
    public org.axonframework.messaging.correlation.CorrelationDataProvider messageOriginProvider() {
        return new org.axonframework.messaging.correlation.MessageOriginProvider();
    }

    @Bean
    public org.axonframework.messaging.correlation.CorrelationDataProvider attributionProvider() {
        return Attribution.eventsInherit();
    }

    /** Every command dispatched during a person's request names them (see {@link Attribution}). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name =
            "org.springframework.security.core.context.SecurityContextHolder")
    public Object callerAttributionRegistration(org.axonframework.commandhandling.CommandBus commandBus) {
        return commandBus.registerDispatchInterceptor(Attribution.callerOnCommands());
    }

    /**
     * The relay's producer: to the binder's brokers, with the service's Kafka credentials; its linger
     * ({@code maap.relay.linger-ms}, 5 ms) lets a batch's records travel together.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(RelaySender.class)
    public KafkaRelaySender kafkaRelaySender(Environment environment) {
        return KafkaRelaySender.to(environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092"),
                io.maap.support.messaging.KafkaClientSecurity.from(environment).clientProperties(),
                environment.getProperty("maap.relay.linger-ms", Integer.class, 5));
    }

    @Bean
    public CloudEventRelay cloudEventRelay(RelaySender relaySender, Environment environment,
                                           ObjectProvider<io.maap.support.crypto.AuditKeys> auditKeys,
                                           @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new CloudEventRelay(relaySender, environment.getProperty("maap.events.source",
                "urn:maap:" + environment.getProperty("spring.application.name", "service")), auditKeys.getIfAvailable(),
                eventSerializer);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HibernatePropertiesCustomizer.class)
    static class PostgresDialectConfiguration {

        @Bean
        HibernatePropertiesCustomizer postgresByteaDialect(Environment environment) {
            return properties -> {
                String url = environment.getProperty("spring.datasource.url", "");
                if (url.startsWith("jdbc:postgresql:")) {
                    properties.put("hibernate.dialect", PostgresByteaDialect.class.getName());
                }
            };
        }
    }

    /**
     * Time limits on units of work without a stack trace taken as each starts (ADR 0024): Axon's own
     * are off ({@code axon.timeout.enabled: false} in the shared defaults); these read its settings.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "axon.timeout", name = "enabled", havingValue = "false")
    @EnableConfigurationProperties(TimeoutProperties.class)
    static class TimeLimitConfiguration {

        @Bean(destroyMethod = "close")
        UnitOfWorkTimeLimits unitOfWorkTimeLimits(TimeoutProperties properties) {
            return new UnitOfWorkTimeLimits(properties);
        }
    }
}
