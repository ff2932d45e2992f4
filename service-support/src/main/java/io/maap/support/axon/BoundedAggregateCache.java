package io.maap.support.axon;

import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.UserManagedCache;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.builders.UserManagedCacheBuilder;
import org.ehcache.core.Ehcache;

/**
 * The aggregates of one service, held strongly in an Ehcache 3 heap tier of at most
 * {@code entries} aggregates (Axon's own adapter). A weakly referenced cache lost its aggregates
 * at the next young collection, so a command on a request acknowledged a moment before read its
 * snapshot and events again; here an aggregate stays until newer ones push it out (Ehcache evicts
 * among the least recently used). Closed with the application context.
 */
final class BoundedAggregateCache extends EhCache3Adapter implements AutoCloseable {

    private final UserManagedCache<Object, Object> store;

    private BoundedAggregateCache(UserManagedCache<Object, Object> store) {
        super((Ehcache<?, ?>) store);
        this.store = store;
    }

    static BoundedAggregateCache holding(long entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("maap.aggregate-cache.entries must be at least 1, not " + entries
                    + " (maap.aggregate-cache.enabled=false turns the cache off)");
        }
        return new BoundedAggregateCache(UserManagedCacheBuilder.newUserManagedCacheBuilder(Object.class, Object.class)
                .withResourcePools(ResourcePoolsBuilder.heap(entries))
                .build(true));
    }

    @Override
    public void close() {
        store.close();
    }
}
