package io.maap.support.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Puts a {@link UnitOfWorkTimeLimit} on the command bus, the query bus, the deadline manager and every
 * event processor, under Axon's {@code axon.timeout.transaction.*} settings (a command and a batch
 * warned at 10 s, interrupted at 60 s by default), in place of Axon's own interceptors, which
 * {@code axon.timeout.enabled: false} in the shared defaults turns off with Axon's per-handler
 * limits. One daemon thread runs every warning and interrupt of the service.
 */
public final class UnitOfWorkTimeLimits implements ConfigurerModule, AutoCloseable {

    private final TimeoutProperties.TransactionTimeoutProperties settings;
    private final ScheduledThreadPoolExecutor janitor;

    public UnitOfWorkTimeLimits(TimeoutProperties properties) {
        this.settings = properties.getTransaction();
        this.janitor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "maap-unit-of-work-time-limits");
            thread.setDaemon(true);
            return thread;
        });
        // A unit of work that finishes in time cancels its warning: out of the queue at once, not at 10 s.
        janitor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultHandlerInterceptor((c, name) -> new UnitOfWorkTimeLimit(
                "event processor " + name, settings.getEventProcessor().getOrDefault(name, settings.getEventProcessors()), janitor));
        // At start, not at initialisation: the buses are made from the configuration this configurer builds.
        configurer.onStart(Integer.MIN_VALUE, () -> {
            Configuration axon = configurer.buildConfiguration();
            axon.commandBus().registerHandlerInterceptor(limit("command bus", settings.getCommandBus()));
            axon.queryBus().registerHandlerInterceptor(limit("query bus", settings.getQueryBus()));
            axon.deadlineManager().registerHandlerInterceptor(limit("deadline manager", settings.getDeadline()));
        });
    }

    private UnitOfWorkTimeLimit limit(String component, TaskTimeoutSettings limit) {
        return new UnitOfWorkTimeLimit(component, limit, janitor);
    }

    /** How many warnings and interrupts are waiting: one per unit of work in progress. */
    int scheduled() {
        return janitor.getQueue().size();
    }

    @Override
    public int order() {
        return Integer.MIN_VALUE;
    }

    @Override
    public void close() {
        janitor.shutdownNow();
    }
}
