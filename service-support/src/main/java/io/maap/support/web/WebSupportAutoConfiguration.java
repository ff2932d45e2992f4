package io.maap.support.web;

import io.maap.support.axon.AxonProblemDetailsAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Problem details for every MAAP API, with Axon's outcomes where the service has aggregates. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication
@Import(ProblemDetailsAdvice.class)
public class WebSupportAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.axonframework.commandhandling.CommandExecutionException")
    static class AxonProblems {

        @Bean
        AxonProblemDetailsAdvice axonProblemDetailsAdvice() {
            return new AxonProblemDetailsAdvice();
        }
    }
}
