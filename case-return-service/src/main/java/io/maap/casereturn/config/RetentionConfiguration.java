package io.maap.casereturn.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.maap.casereturn.retention.query.RetentionPolicy;
import io.maap.casereturn.retention.query.ScrubAgain;
import io.maap.casereturn.retention.query.Shredding;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The retention policy (ADR 0016): every {@code maap.retention.check-interval} the audits whose
 * text has been kept {@code years-after-close} past their closing have their keys destroyed; each
 * shredded audit's read models are scrubbed again once every instance's cached key has expired.
 * db-scheduler tasks, so that one instance runs each and a restart does not skip it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionPolicy.class)
public class RetentionConfiguration {

    static final String RETENTION_TASK = "audit-text-retention";
    static final String SCRUB_AGAIN_TASK = "audit-text-scrub-again";

    @Bean
    RecurringTask<Void> retentionTask(RetentionPolicy policy, ObjectProvider<Shredding> shredding, Clock clock) {
        return Tasks.recurring(RETENTION_TASK, Schedules.fixedDelay(policy.checkInterval()))
                .execute((instance, context) -> shredding.getObject().shredDue(LocalDate.now(clock), Instant.now(clock)));
    }

    /** A shredded audit's read models scrubbed again, by whichever instance, once every instance's cached key expired. */
    @Bean
    OneTimeTask<Void> scrubAgainTask(ObjectProvider<Shredding> shredding) {
        return Tasks.oneTime(SCRUB_AGAIN_TASK).execute((instance, context) ->
                shredding.getObject().scrubReadModels(instance.getId()));
    }

    @Bean
    ScrubAgain scrubAgain(ObjectProvider<Scheduler> scheduler, OneTimeTask<Void> scrubAgainTask, Clock clock,
                          @Value("${maap.crypto.key-cache-max-age:PT5S}") Duration keyCacheMaxAge) {
        Duration delay = keyCacheMaxAge.multipliedBy(2).plusSeconds(1);
        return auditId -> scheduler.ifAvailable(s ->
                s.scheduleIfNotExists(scrubAgainTask.instance(auditId), Instant.now(clock).plus(delay)));
    }

    @Bean
    @ConditionalOnBean(Scheduler.class)
    ApplicationRunner scheduleRetention(Scheduler scheduler, RecurringTask<Void> retentionTask) {
        return args -> scheduler.scheduleIfNotExists(retentionTask.instance(RecurringTask.INSTANCE), Instant.now());
    }
}
