package io.maap.reporting;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The read side: projections of the three services' events, their REST views and the board feed. */
@SpringBootApplication
@EnableScheduling
public class ReportingApplication {

    public static final String CONFIG_NAME = "reporting-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ReportingApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
