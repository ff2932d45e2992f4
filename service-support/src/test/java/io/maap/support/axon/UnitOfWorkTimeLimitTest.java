package io.maap.support.axon;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A unit of work's time limit (ADR 0024): warned about with where the thread is, then interrupted and
 * failed with Axon's timeout, its interrupt never left to the thread's next task; a unit in time
 * leaves nothing scheduled; the units of one batch share one clock; on Axon's command bus through
 * {@link UnitOfWorkTimeLimits}, which the services' defaults put in place of Axon's own.
 */
class UnitOfWorkTimeLimitTest {

    private static final TaskTimeoutSettings QUICK = new TaskTimeoutSettings(400, 100, 100);

    private final ScheduledThreadPoolExecutor janitor = new ScheduledThreadPoolExecutor(1);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UnitOfWorkTimeLimit.class);

    UnitOfWorkTimeLimitTest() {
        janitor.setRemoveOnCancelPolicy(true);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
        janitor.shutdownNow();
    }

    @Test
    void aUnitPastItsLimitIsWarnedAboutThenInterruptedAndFailsWithAxonsTimeout() {
        UnitOfWorkTimeLimit limit = new UnitOfWorkTimeLimit("command bus", QUICK, janitor);

        ResultMessage<?> result = run(limit, () -> {
            waitToBeInterrupted();
            return "never";
        });

        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class)
                .hasMessageContaining("Unit of work of command bus has timed out");
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is not left to the thread").isFalse();
        assertThat(messages()).anySatisfy(m -> assertThat(m).contains("is taking a long time")
                .contains("waitToBeInterrupted"));
        assertThat(messages()).anySatisfy(m -> assertThat(m).contains("exceeded its limit of 400 ms"));
        assertThat(janitor.getQueue()).isEmpty();
    }

    @Test
    void aHandlerThatSwallowsTheInterruptStillFails() {
        UnitOfWorkTimeLimit limit = new UnitOfWorkTimeLimit("event processor kafka-relay", QUICK, janitor);

        ResultMessage<?> result = run(limit, () -> {
            try {
                waitToBeInterrupted();
            } catch (InterruptedException swallowed) {
                // as a careless handler would
            }
            return "done";
        });

        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aUnitInTimeAnswersAndLeavesNothingScheduled() {
        UnitOfWorkTimeLimit limit = new UnitOfWorkTimeLimit("command bus", QUICK, janitor);
        int[] scheduledWhileRunning = {-1};

        ResultMessage<?> result = run(limit, () -> {
            scheduledWhileRunning[0] = janitor.getQueue().size();
            return "answered";
        });

        assertThat(result.getPayload()).isEqualTo("answered");
        assertThat(scheduledWhileRunning[0]).isOne();
        assertThat(janitor.getQueue()).isEmpty();
        assertThat(messages()).isEmpty();
    }

    @Test
    void theUnitsWithinOneRootShareItsClock() {
        UnitOfWorkTimeLimit limit = new UnitOfWorkTimeLimit("event processor reporting", QUICK, janitor);
        UnitOfWork<Message<?>> root = DefaultUnitOfWork.startAndGet(command("batch"));
        int[] scheduled = new int[2];

        root.executeWithResult(() -> limit.handle(root, () -> {
            scheduled[0] = janitor.getQueue().size();
            UnitOfWork<Message<?>> nested = DefaultUnitOfWork.startAndGet(command("second event"));
            nested.executeWithResult(() -> limit.handle(nested, () -> scheduled[1] = janitor.getQueue().size()));
            return null;
        }));

        assertThat(scheduled).containsExactly(1, 1);
        assertThat(janitor.getQueue()).isEmpty();
    }

    @Test
    void aLimitBelowZeroIsNone() {
        UnitOfWorkTimeLimit limit = new UnitOfWorkTimeLimit("query bus", new TaskTimeoutSettings(-1, -1, -1), janitor);

        ResultMessage<?> result = run(limit, () -> janitor.getQueue().size());

        assertThat(result.getPayload()).isEqualTo(0);
    }

    @Test
    void onAxonsCommandBusAStuckCommandFailsWithTheTimeoutAndTheNextIsHandled() {
        TimeoutProperties properties = new TimeoutProperties();
        properties.getTransaction().setCommandBus(QUICK);
        UnitOfWorkTimeLimits limits = new UnitOfWorkTimeLimits(properties);
        var configurer = DefaultConfigurer.defaultConfiguration();
        limits.configureModule(configurer);
        Configuration axon = configurer.buildConfiguration();
        axon.commandBus().subscribe(String.class.getName(), command -> {
            if (command.getPayload().equals("stuck")) {
                waitToBeInterrupted();
            }
            return "handled " + command.getPayload();
        });
        axon.start();
        try {
            CommandGateway gateway = axon.commandGateway();
            assertThatThrownBy(() -> gateway.sendAndWait("stuck")).isInstanceOf(AxonTimeoutException.class);
            assertThat((String) gateway.sendAndWait("next")).isEqualTo("handled next");
            assertThat(limits.scheduled()).isZero();
        } finally {
            axon.shutdown();
            limits.close();
        }
    }

    @Test
    void theServicesDefaultsPutTheseLimitsInPlaceOfAxons() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(AxonSupportAutoConfiguration.TimeLimitConfiguration.class);
        runner.withPropertyValues("axon.timeout.enabled=false", "axon.timeout.transaction.command-bus.timeout-ms=5000")
                .run(context -> {
                    assertThat(context).hasSingleBean(UnitOfWorkTimeLimits.class);
                    assertThat(context.getBean(TimeoutProperties.class).getTransaction().getCommandBus().getTimeoutMs())
                            .isEqualTo(5000);
                });
        runner.run(context -> assertThat(context).doesNotHaveBean(UnitOfWorkTimeLimits.class));
    }

    private static ResultMessage<?> run(UnitOfWorkTimeLimit limit, InterceptorChain handler) {
        UnitOfWork<Message<?>> unit = DefaultUnitOfWork.startAndGet(command("work"));
        return unit.executeWithResult(() -> limit.handle(unit, handler));
    }

    private static CommandMessage<String> command(String payload) {
        return GenericCommandMessage.asCommandMessage(payload);
    }

    private static void waitToBeInterrupted() throws InterruptedException {
        new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        throw new IllegalStateException("not interrupted within 30 s");
    }

    private java.util.List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
