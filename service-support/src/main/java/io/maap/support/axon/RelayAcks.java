package io.maap.support.axon;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The acknowledgements a relay batch waits for. The relay's tracking processor handles a batch of
 * events in one unit of work; every send is handed over without waiting, and before the unit of
 * work commits (and with it the processor's token) every acknowledgement is awaited. One missing
 * or failed acknowledgement fails the commit: the transaction rolls back, the token stays where it
 * was and the processor sends the batch again (at least once). Outside a unit of work each send is
 * awaited at once.
 */
final class RelayAcks {

    private static final String RESOURCE = RelayAcks.class.getName();

    private final RelaySender sender;
    private final Duration timeout;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    private RelayAcks(RelaySender sender, Duration timeout) {
        this.sender = sender;
        this.timeout = timeout;
    }

    /** The acknowledgements of the current unit of work, awaited when it prepares to commit. */
    static void track(CompletableFuture<?> ack, RelaySender sender, Duration timeout) {
        if (!CurrentUnitOfWork.isStarted()) {
            RelayAcks alone = new RelayAcks(sender, timeout);
            alone.pending.add(ack);
            alone.awaitAll();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        RelayAcks acks = root.getOrComputeResource(RESOURCE, key -> {
            RelayAcks created = new RelayAcks(sender, timeout);
            root.onPrepareCommit(unitOfWork -> created.awaitAll());
            return created;
        });
        acks.pending.add(ack);
    }

    private void awaitAll() {
        sender.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (CompletableFuture<?> ack : pending) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka's acknowledgements", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge an event of the batch; it is sent again", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch's events within " + timeout + "; they are sent again", e);
        } finally {
            pending.clear();
        }
    }
}
