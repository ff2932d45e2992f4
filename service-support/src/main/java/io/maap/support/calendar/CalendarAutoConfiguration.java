package io.maap.support.calendar;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import org.springframework.beans.factory.annotation.Value;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** The partnership's working-day calendar, configured under {@code maap.calendar}. */
@AutoConfiguration
@EnableConfigurationProperties(CalendarAutoConfiguration.CalendarProperties.class)
public class CalendarAutoConfiguration {

    /** Instants are UTC; the clock's zone, Europe/London, is the one dates are read in. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock(@Value("${maap.time-zone:Europe/London}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Bean
    @ConditionalOnMissingBean
    public WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
        return new WorkingDayCalendar(properties.nation(), properties.additionalHolidays(), properties.removedHolidays());
    }

    /** Lateness of returns by this calendar: overdue from the first working day after the due date. */
    @Bean
    @ConditionalOnMissingBean
    public Lateness lateness(WorkingDayCalendar calendar) {
        return new Lateness(calendar);
    }

    /**
     * @param nation             whose bank holidays apply (default England and Wales)
     * @param additionalHolidays bank holidays proclaimed after this release
     * @param removedHolidays    dates the rules give that are not holidays after all
     */
    @ConfigurationProperties("maap.calendar")
    public record CalendarProperties(Nation nation, Set<LocalDate> additionalHolidays, Set<LocalDate> removedHolidays) {

        public CalendarProperties {
            nation = nation == null ? Nation.ENGLAND_AND_WALES : nation;
            additionalHolidays = additionalHolidays == null ? Set.of() : additionalHolidays;
            removedHolidays = removedHolidays == null ? Set.of() : removedHolidays;
        }
    }
}
