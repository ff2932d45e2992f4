package io.maap.reporting.scorecard.messaging;

/**
 * Keeps a recurring background job to a share of one core: after a run that took t, the next
 * may start only t × (1 / share − 1) later. Times are {@link System#nanoTime()} readings.
 */
final class DutyCycle {

    private final double share;
    private long restUntil;

    DutyCycle(double share, long now) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a duty cycle is a share in (0, 1], not " + share);
        }
        this.share = share;
        this.restUntil = now;
    }

    synchronized boolean mayRun(long now) {
        return now - restUntil >= 0;
    }

    synchronized void ran(long started, long ended) {
        restUntil = ended + (long) ((ended - started) * (1 / share - 1));
    }
}
