package io.maap.support.config;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class NoAggregatesAutoConfigurationFilterTest {

    private static final String[] CANDIDATES = {
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
            "io.maap.support.axon.EventStoreAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "io.maap.support.messaging.MessagingAutoConfiguration",
            null};

    @Test
    void aServiceWithoutAggregatesGetsNeitherAxonNorJpa() {
        assertThat(filter("true").match(CANDIDATES, null)).containsExactly(false, false, false, false, true, true, true);
    }

    @Test
    void theOtherServicesAreUntouched() {
        assertThat(filter("false").match(CANDIDATES, null)).containsOnly(true);
        assertThat(filter(null).match(CANDIDATES, null)).containsOnly(true);
    }

    private static NoAggregatesAutoConfigurationFilter filter(String value) {
        MockEnvironment environment = new MockEnvironment();
        if (value != null) {
            environment.setProperty(NoAggregatesAutoConfigurationFilter.SWITCH, value);
        }
        NoAggregatesAutoConfigurationFilter filter = new NoAggregatesAutoConfigurationFilter();
        filter.setEnvironment(environment);
        return filter;
    }
}
