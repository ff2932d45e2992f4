package io.maap.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Counts deadlines as they fire, by name and outcome: {@value #METER}{deadline, outcome=handled|failed}.
 * A failed one is retried by db-scheduler, so it can count again.
 */
public final class DeadlineMetrics implements MessageHandlerInterceptor<DeadlineMessage<?>> {

    public static final String METER = "maap.deadlines.fired";

    private final MeterRegistry registry;

    public DeadlineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String name = unitOfWork.getMessage().getDeadlineName();
        try {
            Object result = chain.proceed();
            registry.counter(METER, "deadline", name, "outcome", "handled").increment();
            return result;
        } catch (Exception | Error e) {
            registry.counter(METER, "deadline", name, "outcome", "failed").increment();
            throw e;
        }
    }
}
