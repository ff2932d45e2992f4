package io.maap.support.deadline;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Time as data for deadline handlers. A deadline is an edge like a web request: when it fires,
 * this interceptor reads the service's one {@link Clock} and puts the instant into the deadline
 * message's metadata under {@value #FIRED_AT}; the aggregate's handler takes it as a parameter
 * ({@code @FiredAt Instant firedAt}) instead of reading a clock, so it
 * stays a function of its state and the message. Aggregate tests register the same interceptor
 * with a fixed clock.
 */
public final class DeadlineTime implements MessageHandlerInterceptor<DeadlineMessage<?>> {

    public static final String FIRED_AT = "firedAt";

    private final Clock clock;

    public DeadlineTime(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Instant now = clock.instant();
        unitOfWork.transformMessage(message -> message.getMetaData().containsKey(FIRED_AT) ? message
                : message.andMetaData(Map.of(FIRED_AT, now)));
        return chain.proceed();
    }
}
