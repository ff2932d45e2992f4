package io.maap.reporting.projection.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A programme's views (its scorecards, board feed, overdue list) as last computed, reused while
 * its {@link ProgrammeFigures} document has not changed: each request reads only the document's
 * version ({@link ProgrammeFigures#version}, one small read by {@code _id}) and computes the view
 * again only when the version differs from the one it was computed at. Decoding the document
 * (hundreds of entries) and counting it was the cost of these views (ADR 0022).
 * <p>
 * Correct because the version is in MongoDB, not in memory: every write of the document, by any
 * instance, live or in a rebuild, sets a new one ({@link EntryWrites}), including every change of
 * one of the programme's audits, written before its document's version changes
 * ({@code AuditsProjection}). A view is kept by generation (the database and collection prefix:
 * a rebuild's switch changes it), programme and {@code parameters}, which must hold everything
 * else the view depends on, the day it is seen on above all (overdue counts, working days late,
 * milestones). The version is read before the view is computed and the view is kept under it:
 * should the document change meanwhile, its version no longer matches, so a view computed from a
 * newer document is never served for an older one past the write that changed it.
 * <p>
 * Bounded by weight (roughly one unit per listed row or counted scope) and by age
 * ({@value #MAX_AGE_SECONDS} s after computing): a writer that does not set the version (an
 * instance of an earlier release during a rolling deployment) is then seen within that time. A
 * document without a version (written before versions) is never cached.
 */
@Component
public class ProgrammeViewCache {

    private static final long MAX_AGE_SECONDS = 60;

    private record Key(String database, String prefix, String programmeId, Object parameters) {
    }

    private record Kept(Object version, Object view, int weight) {
    }

    /** Null when caching is off (a maximum weight of 0). */
    private final Cache<Key, Kept> views;

    public ProgrammeViewCache(@Value("${maap.reporting.programme-view-cache:50000}") long maxWeight) {
        this.views = maxWeight <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((Key key, Kept kept) -> kept.weight())
                .expireAfterWrite(Duration.ofSeconds(MAX_AGE_SECONDS))
                .build();
    }

    /** No caching: every view computed again (tests of the counting itself). */
    public static ProgrammeViewCache none() {
        return new ProgrammeViewCache(0);
    }

    /**
     * Keeps a view computed ahead of any request ({@link ProgrammeViewWarmer}) under the version
     * read before the document it was computed from, as {@link #view} keeps one; a view already
     * kept (by a request meanwhile) is left as it is.
     */
    public void keep(ProjectionStore store, String programmeId, Object version, Object parameters, Object view, int weight) {
        if (views != null && version != null) {
            views.asMap().putIfAbsent(new Key(store.mongo().getDb().getName(), store.prefix(), programmeId, parameters),
                    new Kept(version, view, Math.max(1, weight)));
        }
    }

    /**
     * Whether less than half the cache's weight is taken: views computed ahead (warmed) stop
     * there, so that they never push out the views requests are reading.
     */
    public boolean hasRoomToWarm() {
        if (views == null) {
            return false;
        }
        views.cleanUp(); // the size as of the writes made, not as of the last maintenance
        return views.policy().eviction()
                .map(eviction -> eviction.weightedSize().orElse(0) < eviction.getMaximum() / 2)
                .orElse(true);
    }

    /** Whether views are kept at all (a maximum weight above 0). */
    public boolean enabled() {
        return views != null;
    }

    /**
     * The programme's view for {@code parameters} as computed at the document's current version,
     * or computed now by {@code compute} (which reads what it needs itself) and kept.
     *
     * @param parameters everything the view depends on besides the generation, programme and
     *                   document: a record (equals by value) naming the view, with the day it is seen on
     * @param weight     its size in units of about one row or scope
     */
    @SuppressWarnings("unchecked")
    public <T> T view(ProjectionStore store, String programmeId, Object parameters, ToIntFunction<T> weight,
                      Supplier<T> compute) {
        if (views == null) {
            return compute.get();
        }
        Object version = ProgrammeFigures.version(store, programmeId);
        if (version == null) {
            return compute.get();
        }
        Key key = new Key(store.mongo().getDb().getName(), store.prefix(), programmeId, parameters);
        Kept kept = views.getIfPresent(key);
        if (kept != null && kept.version().equals(version)) {
            return (T) kept.view();
        }
        T view = compute.get();
        views.put(key, new Kept(version, view, Math.max(1, weight.applyAsInt(view))));
        return view;
    }
}
