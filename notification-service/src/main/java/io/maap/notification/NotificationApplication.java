package io.maap.notification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Tells people what the audit process needs of them: requests, reminders, overdue returns, concerns, action updates. */
@SpringBootApplication
public class NotificationApplication {

    public static final String CONFIG_NAME = "notification-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(NotificationApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
