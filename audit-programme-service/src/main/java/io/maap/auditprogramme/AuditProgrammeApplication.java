package io.maap.auditprogramme;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The Board's side of the audit lifecycle: programmes, themed audits, milestones, sign-off. */
@SpringBootApplication
public class AuditProgrammeApplication {

    public static final String CONFIG_NAME = "audit-programme-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AuditProgrammeApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
