package io.maap.dashboard;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The internal web dashboard: server-side rendered GOV.UK pages over the four services' REST
 * APIs. It keeps no data of its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DashboardApplication {

    public static final String CONFIG_NAME = "web-dashboard";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(DashboardApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
