package io.maap.support.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateCacheTest {

    private final AxonSupportAutoConfiguration configuration = new AxonSupportAutoConfiguration();

    @Test
    void aSingleInstanceKeepsAggregatesInMemoryAcrossGarbageCollections() throws Exception {
        Cache cache = configuration.maapAggregateCache(new MockEnvironment());
        assertThat(cache).isInstanceOf(BoundedAggregateCache.class);
        cache.put("rr-1", new StringBuilder("an aggregate nothing else refers to"));
        System.gc();
        assertThat(cache.<String, StringBuilder>get("rr-1")).hasToString("an aggregate nothing else refers to");
        ((AutoCloseable) cache).close();
    }

    @Test
    void theCacheHoldsAtMostItsEntries() {
        try (BoundedAggregateCache cache = BoundedAggregateCache.holding(100)) {
            IntStream.range(0, 1_000).forEach(i -> cache.put("rr-" + i, i));
            long kept = IntStream.range(0, 1_000).filter(i -> cache.containsKey("rr-" + i)).count();
            assertThat(kept).isBetween(1L, 100L);
            assertThat(cache.containsKey("rr-999")).as("the latest is kept").isTrue();
        }
    }

    @Test
    void itsSizeIsConfigured() {
        assertThatThrownBy(() -> configuration.maapAggregateCache(new MockEnvironment().withProperty("maap.aggregate-cache.entries", "0")))
                .hasMessageContaining("maap.aggregate-cache.entries must be at least 1");
    }

    @Test
    void withSeveralInstancesEveryCommandReadsTheAggregateFromTheEventStore() {
        // Another instance's appends are invisible to this one's cache: a cached aggregate could refuse a valid command.
        assertThat(configuration.maapAggregateCache(new MockEnvironment().withProperty("maap.aggregate-cache.enabled", "false")))
                .isSameAs(NoCache.INSTANCE);
    }
}
