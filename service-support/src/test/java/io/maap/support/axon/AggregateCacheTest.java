package io.maap.support.axon;

import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateCacheTest {

    private final AxonSupportAutoConfiguration configuration = new AxonSupportAutoConfiguration();

    @Test
    void aSingleInstanceKeepsAggregatesInMemory() {
        assertThat(configuration.maapAggregateCache(new MockEnvironment())).isInstanceOf(WeakReferenceCache.class);
    }

    @Test
    void withSeveralInstancesEveryCommandReadsTheAggregateFromTheEventStore() {
        // Another instance's appends are invisible to this one's cache: a cached aggregate could refuse a valid command.
        assertThat(configuration.maapAggregateCache(new MockEnvironment().withProperty("maap.aggregate-cache.enabled", "false")))
                .isSameAs(NoCache.INSTANCE);
    }
}
