package io.maap.support.axon;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The time limit of a unit of work (a command, an event processor's batch, a deadline): a warning
 * with the thread's stack at the threshold and at every interval after it, then the thread
 * interrupted at the limit and the unit failed with Axon's {@link AxonTimeoutException}, as
 * Axon's own {@code UnitOfWorkTimeoutInterceptor} does under the same {@code axon.timeout.transaction.*}
 * settings (ADR 0024). Unlike Axon's, it does not take the thread's whole stack trace when each
 * unit starts (only to shorten a later warning's stack): some 150 frames under Spring MVC, Security
 * and Axon, 7% of a submission's request thread (BENCHMARKS.md, "Where a submission's CPU went").
 * A warning here shows where the thread is at that moment, frames cut at {@link #WARNING_FRAMES}.
 */
public final class UnitOfWorkTimeLimit implements MessageHandlerInterceptor<Message<?>> {

    static final int WARNING_FRAMES = 60;
    private static final Logger LOG = LoggerFactory.getLogger(UnitOfWorkTimeLimit.class);
    private static final String RESOURCE = UnitOfWorkTimeLimit.class.getName();

    private final String component;
    private final TaskTimeoutSettings settings;
    private final ScheduledExecutorService janitor;

    /**
     * @param component named in the warnings ("command bus", "event processor kafka-relay")
     * @param settings  the limit, the first warning and the interval between warnings, in ms; a limit below 0 is none
     * @param janitor   runs the warnings and the interrupt; cancelled tasks should be removed from its queue
     */
    public UnitOfWorkTimeLimit(String component, TaskTimeoutSettings settings, ScheduledExecutorService janitor) {
        this.component = component;
        this.settings = settings;
        this.janitor = janitor;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (settings.getTimeoutMs() < 0) {
            return chain.proceed();
        }
        UnitOfWork<?> root = unitOfWork.root();
        Watch watch = (Watch) root.resources().get(RESOURCE);
        if (watch == null) {
            watch = new Watch("Unit of work of " + component, Thread.currentThread());
            root.resources().put(RESOURCE, watch);
            Watch started = watch;
            root.onCleanup(u -> started.complete());
            watch.start();
        }
        try {
            Object result = chain.proceed();
            watch.failIfInterrupted();
            return result;
        } catch (Exception e) {
            throw watch.timedOut() ? watch.timeout(e) : e;
        }
    }

    /** One unit of work's clock: at most one warning or interrupt scheduled at a time. */
    private final class Watch {

        private final String name;
        private final Thread thread;
        private final long startedAt = System.nanoTime();
        private ScheduledFuture<?> next;
        private boolean completed;
        private boolean interrupted;

        Watch(String name, Thread thread) {
            this.name = name;
            this.thread = thread;
        }

        synchronized void start() {
            int threshold = settings.getWarningThresholdMs();
            next = threshold >= 0 && threshold < settings.getTimeoutMs() ? janitor.schedule(this::warn, threshold, TimeUnit.MILLISECONDS)
                    : janitor.schedule(this::interrupt, settings.getTimeoutMs(), TimeUnit.MILLISECONDS);
        }

        private synchronized void warn() {
            if (completed) {
                return;
            }
            long taken = elapsedMs();
            LOG.warn("{} on thread [{}] is taking a long time: {} ms so far, interrupted in {} ms. Where it is:\n{}",
                    name, thread.getName(), taken, settings.getTimeoutMs() - taken, stack());
            long interval = Math.max(1, settings.getWarningIntervalMs());
            next = taken + interval < settings.getTimeoutMs() ? janitor.schedule(this::warn, interval, TimeUnit.MILLISECONDS)
                    : janitor.schedule(this::interrupt, Math.max(0, settings.getTimeoutMs() - taken), TimeUnit.MILLISECONDS);
        }

        private synchronized void interrupt() {
            if (completed) {
                return;
            }
            LOG.error("{} on thread [{}] exceeded its limit of {} ms; interrupting it. Where it is:\n{}",
                    name, thread.getName(), settings.getTimeoutMs(), stack());
            interrupted = true;
            thread.interrupt();
        }

        /** Stops the clock; an interrupt it sent that nothing consumed is cleared, not left to the thread's next task. */
        synchronized void complete() {
            completed = true;
            if (next != null) {
                next.cancel(false);
                next = null;
            }
            if (interrupted && Thread.currentThread() == thread) {
                Thread.interrupted();
            }
        }

        synchronized boolean timedOut() {
            return interrupted;
        }

        void failIfInterrupted() {
            if (timedOut()) {
                Thread.interrupted();
                throw new AxonTimeoutException(name + " has timed out");
            }
        }

        Exception timeout(Exception cause) {
            Thread.interrupted();
            AxonTimeoutException timeout = new AxonTimeoutException(name + " has timed out");
            timeout.addSuppressed(cause);
            return timeout;
        }

        private long elapsedMs() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
        }

        private String stack() {
            return Arrays.stream(thread.getStackTrace()).limit(WARNING_FRAMES).map(frame -> "\tat " + frame)
                    .collect(Collectors.joining("\n"));
        }
    }
}
