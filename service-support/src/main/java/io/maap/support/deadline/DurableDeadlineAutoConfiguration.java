package io.maap.support.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Durable deadlines for every MAAP service with aggregates: Axon's {@link DeadlineManager} is a
 * {@link DbSchedulerDeadlineManager} whose schedule lives in the service's own database (table
 * {@code scheduled_tasks}), so a deadline survives restarts and fires on one instance only.
 *
 * <p>Axon's {@code AxonDbSchedulerAutoConfiguration} builds the deadline manager and its task once
 * a db-scheduler {@link Scheduler} bean exists, but does not declare, start or stop the scheduler
 * (db-scheduler's own Boot starter does that, and does nothing on Boot 4). This declares it over a
 * transaction-aware data source, so a deadline scheduled or cancelled by a command commits or rolls
 * back with the command's events; starts it once the application is running and stops it first
 * on shutdown. Its table, {@code scheduled_tasks}, is created by each service's Flyway migration.
 *
 * <p>Active where db-scheduler is on the class path and there is one data source (Axon's part only
 * where Axon is: notification-service registers plain db-scheduler tasks on the same scheduler);
 * {@code maap.deadlines.enabled=false} turns it off. A delivery can repeat after a crash between a
 * deadline's handling and db-scheduler's bookkeeping, so deadline handlers must be idempotent
 * (an aggregate checks its own state).
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration")
@ConditionalOnClass(Scheduler.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(name = "maap.deadlines.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DurableDeadlineAutoConfiguration.DeadlineProperties.class)
public class DurableDeadlineAutoConfiguration {

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public Scheduler dbScheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, DeadlineProperties properties) {
        List<Task<?>> known = tasks.orderedStream().toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .threads(properties.threads())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .build();
    }

    @Bean
    public SchedulerLifecycle dbSchedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }

    /** Axon's deadlines, where the service has aggregates; a service without them schedules db-scheduler tasks of its own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DbSchedulerDeadlineManager.class)
    static class AxonDeadlines {

        /** Every deadline handler learns when it fired from the service's one clock (see {@link DeadlineTime}). */
        @Bean
        public SmartInitializingSingleton deadlineTimeInterceptor(ObjectProvider<DeadlineManager> deadlineManagers,
                                                                  ObjectProvider<Clock> clock) {
            return () -> deadlineManagers.ifAvailable(manager -> manager.registerHandlerInterceptor(
                    new DeadlineTime(clock.getIfAvailable(Clock::systemUTC))));
        }
    }

    /**
     * @param pollingInterval   how often the table is polled for due deadlines: a deadline fires at most this late
     * @param heartbeatInterval how often a running instance proves it is alive; an execution whose
     *                          instance missed four heartbeats is taken over by another
     * @param threads           deadlines handled in parallel
     * @param shutdownMaxWait   how long shutdown waits for deadlines being handled
     */
    @ConfigurationProperties("maap.deadlines")
    public record DeadlineProperties(Duration pollingInterval, Duration heartbeatInterval, Integer threads,
                                     Duration shutdownMaxWait) {

        public DeadlineProperties {
            pollingInterval = pollingInterval == null ? Duration.ofSeconds(5) : pollingInterval;
            heartbeatInterval = heartbeatInterval == null ? Duration.ofMinutes(1) : heartbeatInterval;
            threads = threads == null ? 2 : threads;
            shutdownMaxWait = shutdownMaxWait == null ? Duration.ofSeconds(30) : shutdownMaxWait;
        }
    }
}
