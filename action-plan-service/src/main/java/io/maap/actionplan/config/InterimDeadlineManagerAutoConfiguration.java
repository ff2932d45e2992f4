package io.maap.actionplan.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.util.stream.Stream;

/**
 * An in-memory deadline manager, only until service-support provides the durable one: Axon
 * resolves a {@code DeadlineManager} handler parameter only from a bean. It is ordered last and
 * backs off as soon as any other {@code DeadlineManager} bean exists. Deadlines scheduled here
 * are lost on restart (see docs/adr/0004-action-plans.md).
 */
@AutoConfiguration
@AutoConfigureOrder(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "spring.application.name", havingValue = "action-plan-service")
public class InterimDeadlineManagerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(DeadlineManager.class)
    public DeadlineManager deadlineManager(ObjectProvider<Configuration> axonConfiguration,
                                           TransactionManager transactionManager) {
        // The Axon configuration is looked up when a deadline fires, not now: it is still being built.
        ScopeAwareProvider scopes = new ScopeAwareProvider() {
            @Override
            public Stream<ScopeAware> provideScopeAwareStream(ScopeDescriptor scope) {
                return new ConfigurationScopeAwareProvider(axonConfiguration.getObject()).provideScopeAwareStream(scope);
            }
        };
        return SimpleDeadlineManager.builder().scopeAwareProvider(scopes).transactionManager(transactionManager).build();
    }
}
