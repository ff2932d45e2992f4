package io.maap.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** The per-caller rate limits ({@link RateLimitFilter}) on every MAAP API; {@code maap.rate-limit.enabled=false} turns them off. */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "maap.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitAutoConfiguration {

    /**
     * Spring Security's filter chain is registered at order -100 and runs the later filters inside
     * it, with the caller authenticated: this one comes just after.
     */
    static final int ORDER = -100 + 10;

    @Bean
    FilterRegistrationBean<RateLimitFilter> maapRateLimitFilter(RateLimitProperties properties,
                                                                ObjectProvider<MeterRegistry> meters) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(properties,
                meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(ORDER);
        return registration;
    }
}
