package io.maap.actionplan;

import io.maap.actionplan.learning.command.Deadlines;
import io.maap.actionplan.learning.event.AuditRegistered;
import io.maap.actionplan.learning.event.MonitoringRoundScheduled;
import io.maap.actionplan.learning.event.MonitoringRoundsPaused;
import io.maap.support.axon.RenamedClasses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Classes of this service that moved after instances of them were stored, under their old names:
 * the private events in the event store, and the deadline payloads waiting in {@code scheduled_tasks}.
 * The feature was called {@code audit} and kept its events in {@code command} until December 2026.
 */
@Configuration(proxyBeanMethods = false)
public class MovedClasses {

    static final String AUDIT_COMMAND = "io.maap.actionplan.audit.command.";

    @Bean
    public RenamedClasses actionPlanMovedClasses() {
        return new RenamedClasses(Map.of(
                AUDIT_COMMAND + "AuditRegistered", AuditRegistered.class,
                AUDIT_COMMAND + "MonitoringRoundScheduled", MonitoringRoundScheduled.class,
                AUDIT_COMMAND + "MonitoringRoundsPaused", MonitoringRoundsPaused.class,
                AUDIT_COMMAND + "Deadlines$ActionDue", Deadlines.ActionDue.class,
                AUDIT_COMMAND + "Deadlines$MonitoringRoundDue", Deadlines.MonitoringRoundDue.class,
                AUDIT_COMMAND + "Deadlines$UpdatesDue", Deadlines.UpdatesDue.class));
    }
}
