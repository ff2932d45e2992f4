package io.maap.reporting.projection.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a rebuild's writes on a thread of their own, one at a time and in the order given, while
 * the rebuild reads and applies the next poll's events: a profile of a rebuild found its thread
 * parsing events for about half its time and waiting for MongoDB's bulk writes for the other half,
 * one after the other, on a machine with two cores. At most one write runs while the next poll is
 * applied ({@link #submit} waits for the one before), so memory holds two polls at most. A write
 * that failed fails the next {@link #submit} or {@link #awaitAll}, with its own exception.
 * Not thread-safe: one rebuild thread submits.
 */
public final class WriteBehind implements AutoCloseable {

    private final ExecutorService executor;
    private Future<?> last = CompletableFuture.completedFuture(null);

    public WriteBehind(String threadName) {
        executor = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
    }

    /** Runs {@code write} after every write submitted before it has run (and succeeded). */
    public void submit(Runnable write) {
        awaitAll();
        last = executor.submit(write);
    }

    /** Waits until every write submitted has run; rethrows the failure of one that failed. */
    public void awaitAll() {
        try {
            last.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("A rebuild's write failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a rebuild's writes", e);
        }
    }

    /** Lets a running write finish (a failed rebuild drops its generation after this) and stops the thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.MINUTES)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
