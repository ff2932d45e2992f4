package io.maap.support.deadline;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Creates db-scheduler's {@code scheduled_tasks} table if it is missing, in the dialect of the database. */
public class ScheduledTasksTable {

    private final DataSource dataSource;
    private volatile boolean created;

    public ScheduledTasksTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public synchronized void create() {
        if (created) {
            return;
        }
        new ResourceDatabasePopulator(new ClassPathResource(script())).execute(dataSource);
        created = true;
    }

    private String script() {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database holds the deadlines", e);
        }
        String dialect = product.contains("postgres") ? "postgresql"
                : product.contains("h2") ? "h2"
                : null;
        if (dialect == null) {
            throw new IllegalStateException("No scheduled_tasks script for database '" + product
                    + "'; create the table yourself and declare a ScheduledTasksTable bean that does nothing");
        }
        return "io/maap/support/deadline/scheduled-tasks-" + dialect + ".sql";
    }
}
