package io.maap.reporting.scorecard.query;

import io.maap.reporting.projection.query.ProjectionStore;
import org.bson.Document;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A count over a whole collection ({@link Counting}, no programme or audit in scope: the scorecard
 * of everything, the one an "as at" view is most often asked for by the API) split into slices of
 * {@code _id} counted at the same time, one aggregation each, and added up. MongoDB runs one
 * aggregation on one thread; the slices let a count over a few hundred thousand return requests
 * use more than one core of the database's machine.
 * <p>
 * The read models' {@code _id}s are the events' ids, UUIDs, so slices cut at hexadecimal digits
 * ({@code "8"} for two) hold about as many documents each. They cover every {@code _id}: the last
 * slices are the ids at or above a cut (strings, as MongoDB compares by type first), the first is
 * every document not at or above the first cut, whatever its id's type. A slice left nearly empty
 * by other ids costs a little time, never a document.
 * <p>
 * {@code maap.reporting.count-slices} (default 2, at most 16; 1 counts in one aggregation) sets how
 * many; a small pool of that many less one threads counts all but one slice, the request's thread
 * the last, and a count that finds the pool's queue full counts its slice on the request's thread.
 */
@Component
public class SlicedCounting implements DisposableBean {

    /** The most slices: one per first hexadecimal digit of a UUID. */
    static final int MOST = 16;
    private static final int QUEUED = 64;

    private final int slices;
    private final List<Criteria> bounds;
    private final ThreadPoolExecutor pool;

    public SlicedCounting(@Value("${maap.reporting.count-slices:2}") int slices) {
        if (slices < 1 || slices > MOST) {
            throw new IllegalArgumentException("maap.reporting.count-slices must be from 1 to " + MOST + ", not " + slices);
        }
        this.slices = slices;
        this.bounds = bounds(slices);
        AtomicInteger threads = new AtomicInteger();
        this.pool = slices == 1 ? null : new ThreadPoolExecutor(slices - 1, slices - 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED), runnable -> {
                    Thread thread = new Thread(runnable, "scorecard-count-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** One aggregation per count, on the caller's thread (tests of the counting). */
    public static SlicedCounting none() {
        return new SlicedCounting(1);
    }

    int slices() {
        return slices;
    }

    /** As {@link Counting#countAll(ProjectionStore, String, Criteria, Conditions)}, slice by slice, the figures added up. */
    Document countAll(ProjectionStore store, String collection, Criteria scope, Counting.Conditions conditions) {
        Document sum = new Document();
        for (Document slice : each(scope, within -> Counting.countAll(store, collection, within, conditions))) {
            add(slice, sum);
        }
        return sum;
    }

    /** As {@link Counting#countBy(ProjectionStore, String, Criteria, String, Conditions)}, slice by slice, each value's figures added up. */
    Map<String, Document> countBy(ProjectionStore store, String collection, Criteria scope, String field,
                                  Counting.Conditions conditions) {
        Map<String, Document> sum = new TreeMap<>();
        for (Map<String, Document> slice : each(scope, within -> Counting.countBy(store, collection, within, field, conditions))) {
            slice.forEach((value, counts) -> add(counts, sum.computeIfAbsent(value, v -> new Document("_id", v))));
        }
        return sum;
    }

    /** The count of each slice of the scope: all but the last on the pool, the last on this thread. */
    private <T> List<T> each(Criteria scope, Function<Criteria, T> count) {
        if (pool == null) {
            return List.of(count.apply(scope));
        }
        List<CompletableFuture<T>> others = new ArrayList<>();
        for (Criteria slice : bounds.subList(0, slices - 1)) {
            others.add(CompletableFuture.supplyAsync(() -> count.apply(within(scope, slice)), pool));
        }
        List<T> counted = new ArrayList<>();
        T last = count.apply(within(scope, bounds.get(slices - 1)));
        try {
            others.forEach(other -> counted.add(other.join()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        counted.add(last);
        return counted;
    }

    /** Each figure (every number but {@code _id}) added to the sum's. */
    private static void add(Document counts, Document sum) {
        counts.forEach((name, value) -> {
            if (!"_id".equals(name) && value instanceof Number number) {
                sum.put(name, Counting.number(sum, name) + number.intValue());
            }
        });
    }

    private static Criteria within(Criteria scope, Criteria slice) {
        return scope.getCriteriaObject().isEmpty() ? slice : new Criteria().andOperator(scope, slice);
    }

    /**
     * The slices' conditions on {@code _id}: cut at the hexadecimal digits {@code 16 * i / slices};
     * the first every id not at or above the first cut.
     */
    static List<Criteria> bounds(int slices) {
        List<String> cuts = new ArrayList<>();
        for (int i = 1; i < slices; i++) {
            cuts.add(Integer.toHexString(MOST * i / slices));
        }
        List<Criteria> bounds = new ArrayList<>();
        if (cuts.isEmpty()) {
            bounds.add(new Criteria());
            return bounds;
        }
        bounds.add(Criteria.where("_id").not().gte(cuts.get(0)));
        for (int i = 1; i < cuts.size(); i++) {
            bounds.add(Criteria.where("_id").gte(cuts.get(i - 1)).lt(cuts.get(i)));
        }
        bounds.add(Criteria.where("_id").gte(cuts.get(cuts.size() - 1)));
        return bounds;
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
