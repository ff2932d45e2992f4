package io.maap.support.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadlineMetrics metrics = new DeadlineMetrics(registry);

    @Test
    void countsEachDeadlineFiredByNameAndOutcome() throws Exception {
        fire("return-reminder", () -> "done");
        fire("return-reminder", () -> "done");
        assertThatThrownBy(() -> fire("return-overdue", () -> {
            throw new IllegalStateException("database down");
        })).hasMessage("database down");

        assertThat(registry.counter(DeadlineMetrics.METER, "deadline", "return-reminder", "outcome", "handled").count()).isEqualTo(2);
        assertThat(registry.counter(DeadlineMetrics.METER, "deadline", "return-overdue", "outcome", "failed").count()).isEqualTo(1);
    }

    private void fire(String name, org.axonframework.messaging.InterceptorChain chain) throws Exception {
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericDeadlineMessage.asDeadlineMessage(name, null, Instant.now()));
        try {
            metrics.handle(unitOfWork, chain);
        } finally {
            unitOfWork.rollback();
        }
    }
}
