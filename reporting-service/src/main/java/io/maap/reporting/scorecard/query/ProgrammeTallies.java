package io.maap.reporting.scorecard.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.maap.reporting.projection.query.AsAtViews;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.ProjectionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Every programme's {@link ProgrammeTally} in a generation, for the scorecard of every programme:
 * kept by the version of the programme's figures document, so that only the documents whose
 * version is not kept are read and tallied again. The versions are read first, alone (one small
 * query); reading and decoding every programme's whole document was most of that scorecard's time
 * (BENCHMARKS.md, goal 7).
 * <p>
 * Correct because a version names one content of one document: every write of a figures document,
 * by any writer, sets a new {@code ObjectId} ({@link ProgrammeFigures#version}), and a copy or a
 * move of a generation keeps it with the content. So a view "as at" an instant, continued from a
 * checkpoint, finds kept the tallies of every programme its replay did not write. Each checkpoint
 * is tallied as soon as it is built ({@link AsAtViews#onCheckpointBuilt}), reading only the
 * programmes written since the one before it. A tally of a live generation is kept at most
 * {@value #LIVE_MAX_AGE_SECONDS} s (a writer of an earlier release, during a rolling deployment,
 * may not set the version; as {@code ProgrammeViewCache}); one of a view or checkpoint, complete
 * before it is read and not written after, until it is pushed out.
 * <p>
 * Bounded by weight ({@link ProgrammeTally#weight}, some 75 for a programme, a few bytes each):
 * {@code maap.reporting.programme-tally-cache}, 0 turning it off. Its hits, misses and size are
 * metrics ({@link #bindTo}).
 */
@Component
public class ProgrammeTallies {

    static final long LIVE_MAX_AGE_SECONDS = 60;
    static final String METRICS_NAME = "programme-tallies";

    private record Kept(ProgrammeTally tally, boolean live) {
    }

    /** Null when keeping is off (a maximum weight of 0). */
    private final Cache<Object, Kept> kept;

    @Autowired
    public ProgrammeTallies(@Value("${maap.reporting.programme-tally-cache:1000000}") long maxWeight,
                            ObjectProvider<AsAtViews> views, ObjectProvider<MeterRegistry> metrics) {
        this(maxWeight);
        views.ifAvailable(asAt -> asAt.onCheckpointBuilt(this::tally));
        metrics.ifAvailable(this::bindTo);
    }

    ProgrammeTallies(long maxWeight) {
        if (maxWeight < 0) {
            throw new IllegalArgumentException("maap.reporting.programme-tally-cache must not be negative, not " + maxWeight);
        }
        this.kept = maxWeight == 0 ? null : Caffeine.newBuilder()
                .recordStats()
                .maximumWeight(maxWeight)
                .weigher((Object version, Kept tally) -> tally.tally().weight())
                .expireAfter(new Expiry<Object, Kept>() {
                    @Override
                    public long expireAfterCreate(Object version, Kept tally, long now) {
                        return tally.live() ? Duration.ofSeconds(LIVE_MAX_AGE_SECONDS).toNanos() : Long.MAX_VALUE;
                    }

                    @Override
                    public long expireAfterUpdate(Object version, Kept tally, long now, long current) {
                        return expireAfterCreate(version, tally, now);
                    }

                    @Override
                    public long expireAfterRead(Object version, Kept tally, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** Nothing kept: every document read and tallied each time (tests of the counting). */
    static ProgrammeTallies none() {
        return new ProgrammeTallies(0);
    }

    /**
     * Gives {@code each} every programme of the generation with its tally: kept where its
     * document's version is, else read and tallied (and kept under the version read with it).
     */
    void forEach(ProjectionStore store, BiConsumer<String, ProgrammeTally> each) {
        Map<String, Object> versions = ProgrammeFigures.versions(store);
        List<String> unread = new ArrayList<>();
        versions.forEach((programmeId, version) -> {
            Kept tally = kept == null || version == null ? null : kept.getIfPresent(version);
            if (tally == null) {
                unread.add(programmeId);
            } else {
                each.accept(programmeId, tally.tally());
            }
        });
        BiConsumer<String, ProgrammeFigures.Read> tallied = (programmeId, figures) -> {
            ProgrammeTally tally = ProgrammeTally.of(figures);
            if (kept != null && figures.version() != null) {
                kept.put(figures.version(), new Kept(tally, !AsAtViews.isAsAt(store)));
            }
            each.accept(programmeId, tally);
        };
        if (unread.size() == versions.size()) {
            ProgrammeFigures.readAll(store, tallied);
        } else {
            ProgrammeFigures.readAll(store, unread, tallied);
        }
    }

    /** Tallies every programme of the generation whose tally is not kept (a checkpoint just built). */
    void tally(ProjectionStore store) {
        if (kept != null && ProgrammeFigures.kept(store)) {
            forEach(store, (programmeId, tally) -> {
            });
        }
    }

    /**
     * Reports the kept tallies to {@code registry} as Micrometer reports any Caffeine cache
     * ({@code cache_gets_total{cache,result=hit|miss}}, {@code cache_size}, evictions and their
     * weight), under the cache name {@value #METRICS_NAME}; nothing when keeping is off. A miss
     * is a programme whose document was read and tallied.
     */
    void bindTo(MeterRegistry registry) {
        if (kept != null) {
            CaffeineCacheMetrics.monitor(registry, kept, METRICS_NAME);
        }
    }

    /** How many tallies are kept (tests). */
    long size() {
        if (kept == null) {
            return 0;
        }
        kept.cleanUp();
        return kept.estimatedSize();
    }
}
