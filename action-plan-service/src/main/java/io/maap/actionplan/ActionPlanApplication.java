package io.maap.actionplan;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The learning half of the audit lifecycle: findings, action plans, monitoring, closure. */
@SpringBootApplication
public class ActionPlanApplication {

    public static final String CONFIG_NAME = "action-plan-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ActionPlanApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
