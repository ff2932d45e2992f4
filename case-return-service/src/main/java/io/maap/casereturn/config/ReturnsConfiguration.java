package io.maap.casereturn.config;

import io.maap.casereturn.request.command.ReturnDeadlines;
import io.maap.support.calendar.WorkingDayCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalTime;

/** The deadline policy of return requests, configured under {@code maap.case-returns}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReturnsConfiguration.ReturnProperties.class)
public class ReturnsConfiguration {

    @Bean
    public ReturnDeadlines returnDeadlines(WorkingDayCalendar calendar, Clock clock, ReturnProperties properties) {
        return new ReturnDeadlines(calendar, clock.getZone(), properties.reminderTime(), properties.overdueTime(),
                properties.resubmissionWorkingDays());
    }

    /**
     * @param reminderTime            when on the reminder day reminders go out (default 09:00, Europe/London)
     * @param overdueTime             when on the first working day after the due date a return becomes overdue (default 00:00)
     * @param resubmissionWorkingDays working days an agency has to resubmit a return sent back (default 5)
     */
    @ConfigurationProperties("maap.case-returns")
    public record ReturnProperties(LocalTime reminderTime, LocalTime overdueTime, Integer resubmissionWorkingDays) {

        public ReturnProperties {
            reminderTime = reminderTime == null ? LocalTime.of(9, 0) : reminderTime;
            overdueTime = overdueTime == null ? LocalTime.MIDNIGHT : overdueTime;
            resubmissionWorkingDays = resubmissionWorkingDays == null ? 5 : resubmissionWorkingDays;
        }
    }
}
