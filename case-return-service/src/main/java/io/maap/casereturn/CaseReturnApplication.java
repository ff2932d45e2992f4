package io.maap.casereturn;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The agencies' side of the audit lifecycle: return requests, returns, quality assurance, deadlines. */
@SpringBootApplication
public class CaseReturnApplication {

    public static final String CONFIG_NAME = "case-return-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CaseReturnApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
