package io.maap.support.web;

import io.maap.support.axon.AxonProblemDetailsAdvice;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Problem details for every MAAP API, with Axon's outcomes where the service has aggregates, for
 * the container's and Tomcat's own error responses too; and the limits on request size and query strings.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
public class WebSupportAutoConfiguration {

    /** Before everything else, security included: an oversized body is refused unread. */
    @Bean
    FilterRegistrationBean<RequestLimitsFilter> maapRequestLimitsFilter(
            @Value("${maap.web.max-request-size:1MB}") DataSize maxRequestSize) {
        var registration = new FilterRegistrationBean<>(new RequestLimitsFilter(maxRequestSize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Registered with the JSON mapper Spring MVC reads request bodies with. */
    @Bean
    NoNulTextModule maapNoNulTextModule() {
        return new NoNulTextModule();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatProblems {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> maapProblemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.axonframework.commandhandling.CommandExecutionException")
    static class AxonProblems {

        @Bean
        AxonProblemDetailsAdvice axonProblemDetailsAdvice() {
            return new AxonProblemDetailsAdvice();
        }
    }
}
