package io.maap.support.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DurableDeadlineAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DurableDeadlineAutoConfiguration.class))
            .withBean(DataSource.class, () -> new DriverManagerDataSource(
                    "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));

    /** The table is a service's Flyway migration's; here the same DDL stands in for it. */
    @Test
    void declaresTheSchedulerOverItsTable() {
        runner.withPropertyValues("maap.deadlines.polling-interval=1s").run(context -> {
            assertThat(context).hasSingleBean(Scheduler.class);
            assertThat(context.getBean(DurableDeadlineAutoConfiguration.DeadlineProperties.class).pollingInterval())
                    .isEqualTo(Duration.ofSeconds(1));
            DataSource dataSource = context.getBean(DataSource.class);
            new ResourceDatabasePopulator(new ClassPathResource("io/maap/support/deadline/scheduled-tasks-h2.sql"))
                    .execute(dataSource);
            Integer rows = new JdbcTemplate(dataSource).queryForObject("select count(*) from scheduled_tasks", Integer.class);
            assertThat(rows).isZero();
        });
    }

    @Test
    void canBeTurnedOff() {
        runner.withPropertyValues("maap.deadlines.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Scheduler.class));
    }

    @Test
    void needsADataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DurableDeadlineAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(Scheduler.class));
    }
}
