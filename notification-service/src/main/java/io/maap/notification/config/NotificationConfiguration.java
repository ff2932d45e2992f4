package io.maap.notification.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.maap.notification.notification.messaging.Backlog;
import io.maap.notification.notification.messaging.Channel;
import io.maap.notification.notification.messaging.KafkaTopicOffsets;
import io.maap.notification.contact.query.WebhookSecretSeal;
import io.maap.notification.notification.query.ConsumedPositions;
import io.maap.support.crypto.MasterKey;
import io.maap.support.messaging.KafkaClientSecurity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import io.maap.notification.notification.messaging.Channels;
import io.maap.notification.notification.messaging.NotifyChannel;
import io.maap.notification.notification.messaging.OutboxSender;
import io.maap.notification.notification.messaging.ScheduledChecks;
import io.maap.notification.notification.messaging.SmtpChannel;
import io.maap.notification.notification.messaging.WebhookChannel;
import io.maap.notification.rules.command.Actions;
import io.maap.notification.rules.command.ChallengeDays;
import io.maap.notification.rules.command.ReturnChanges;
import io.maap.notification.rules.command.ReturnDates;
import io.maap.notification.rules.command.Safeguarding;
import io.maap.notification.rules.command.Templates;
import io.maap.notification.rules.command.ToolSent;
import io.maap.support.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules, the channels and the two db-scheduler tasks (dated checks, outbox sender) on the
 * scheduler service-support declares over the service's database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, WebhookProperties.class})
public class NotificationConfiguration {

    public static final String CHECKS_TASK = "notification-checks";
    public static final String SEND_TASK = "notification-outbox";

    @Bean
    Templates templates(NotificationProperties properties) {
        return new Templates(properties.dashboardUrl());
    }

    @Bean
    ToolSent toolSent() {
        return new ToolSent();
    }

    @Bean
    ReturnChanges returnChanges() {
        return new ReturnChanges();
    }

    @Bean
    ChallengeDays challengeDays() {
        return new ChallengeDays();
    }

    @Bean
    Actions actions() {
        return new Actions();
    }

    @Bean
    ReturnDates returnDates(WorkingDayCalendar calendar, NotificationProperties properties) {
        return new ReturnDates(calendar, properties.catchUpWorkingDays());
    }

    @Bean
    Safeguarding safeguarding(WorkingDayCalendar calendar, Clock clock) {
        return new Safeguarding(calendar, clock.getZone());
    }

    /** The channels that are configured: SMTP where a mail server is ({@code spring.mail.host}), Notify where an API key is. */
    @Bean
    Channels channels(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        mail.ifAvailable(sender -> channels.put("smtp", new SmtpChannel(sender, properties.from())));
        if (properties.govukNotify().apiKey() != null && !properties.govukNotify().apiKey().isBlank()) {
            channels.put("notify", new NotifyChannel(properties.govukNotify()));
        }
        return new Channels(channels);
    }

    /** Agency systems' webhooks: no redirects followed, https only (plain http to localhost where allowed). */
    @Bean
    WebhookChannel webhookChannel(WebhookProperties properties, Clock clock) {
        return new WebhookChannel(properties.timeout(), properties.allowLocalHttp(), clock);
    }

    /** Webhook secrets are stored sealed with the master key ({@code maap.crypto.master-key}, ADR 0016). */
    @Bean
    WebhookSecretSeal webhookSecretSeal(Environment environment) {
        return new WebhookSecretSeal(MasterKey.fromBase64(environment.getProperty("maap.crypto.master-key")));
    }

    /** Seals the secrets of rows written before they were sealed (Spring Boot hands Flyway every such bean). */
    @Bean
    V5__SealAgencyWebhookSecrets sealAgencyWebhookSecrets(WebhookSecretSeal seal) {
        return new V5__SealAgencyWebhookSecrets(seal);
    }

    /** How far the case-returns topic is read, for the escalation check: the broker's offsets and ours. */
    @Bean(destroyMethod = "close")
    KafkaTopicOffsets topicOffsets(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
                                   Environment environment) {
        return new KafkaTopicOffsets(brokers, KafkaClientSecurity.from(environment).clientProperties());
    }

    @Bean
    Backlog caseReturnsBacklog(KafkaTopicOffsets offsets, ConsumedPositions positions,
                               @Value("${spring.cloud.stream.bindings.caseReturnEvents-in-0.destination}") String topic,
                               @Value("${spring.cloud.stream.bindings.caseReturnEvents-in-0.group}") String group) {
        return new Backlog(offsets, positions, topic, group);
    }

    @Bean
    RecurringTask<Void> checksTask(NotificationProperties properties, ObjectProvider<ScheduledChecks> checks) {
        return Tasks.recurring(CHECKS_TASK, Schedules.fixedDelay(properties.checkInterval()))
                .execute((instance, context) -> checks.getObject().run());
    }

    @Bean
    RecurringTask<Void> sendTask(NotificationProperties properties, ObjectProvider<OutboxSender> sender) {
        return Tasks.recurring(SEND_TASK, Schedules.fixedDelay(properties.sendInterval()))
                .execute((instance, context) -> sender.getObject().sendDue());
    }

    /** Recurring tasks are scheduled once, in the database; a second instance finds them there. */
    @Bean
    ApplicationRunner scheduleRecurringTasks(Scheduler scheduler, List<RecurringTask<?>> tasks) {
        return args -> tasks.forEach(task -> scheduler.scheduleIfNotExists(task.instance(RecurringTask.INSTANCE),
                Instant.now()));
    }

}
