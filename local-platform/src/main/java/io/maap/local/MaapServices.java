package io.maap.local;

import io.maap.actionplan.ActionPlanApplication;
import io.maap.auditprogramme.AuditProgrammeApplication;
import io.maap.casereturn.CaseReturnApplication;
import io.maap.dashboard.DashboardApplication;
import io.maap.notification.NotificationApplication;
import io.maap.reporting.ReportingApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The five MAAP services started side by side in one JVM, each in its own Spring context with
 * its own configuration, database and HTTP port, talking to each other only over Kafka, and the
 * web dashboard over their REST APIs. Used by the local run and by the cross-service
 * integration tests.
 */
public final class MaapServices implements AutoCloseable {

    public enum Service {
        AUDIT_PROGRAMME("audit-programme-service", AuditProgrammeApplication::builder),
        CASE_RETURN("case-return-service", CaseReturnApplication::builder),
        ACTION_PLAN("action-plan-service", ActionPlanApplication::builder),
        REPORTING("reporting-service", ReportingApplication::builder),
        NOTIFICATION("notification-service", NotificationApplication::builder),
        /** Not a service of its own data: the web dashboard over the services' APIs, started last. */
        DASHBOARD("web-dashboard", DashboardApplication::builder);

        private final String serviceName;
        private final Supplier<SpringApplicationBuilder> builder;

        Service(String serviceName, Supplier<SpringApplicationBuilder> builder) {
            this.serviceName = serviceName;
            this.builder = builder;
        }

        public String serviceName() {
            return serviceName;
        }

        /** Starts this service alone with the given command-line arguments (e.g. in a process of its own). */
        public ConfigurableApplicationContext run(String... args) {
            return builder.get().run(args);
        }

        /** The services with a REST API of their own (all but the dashboard, their client). */
        public static List<Service> apis() {
            return java.util.Arrays.stream(values()).filter(service -> service != DASHBOARD).toList();
        }
    }

    /** In one JVM, one line per part (logged here) says more than each context's banner and start-up report. */
    static final List<String> QUIET = List.of("--spring.main.banner-mode=off", "--spring.main.log-startup-info=false");

    private static final Logger log = LoggerFactory.getLogger(MaapServices.class);

    private final Map<Service, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

    private MaapServices() {
    }

    /**
     * Starts every service with the given properties (highest precedence, as command-line
     * arguments): {@code common} for all, {@code perService} for one.
     */
    public static MaapServices start(Map<String, String> common, Map<Service, Map<String, String>> perService) {
        MaapServices services = new MaapServices();
        try {
            for (Service service : Service.values()) {
                Map<String, String> properties = new LinkedHashMap<>(common);
                if (service == Service.DASHBOARD) {
                    properties.putAll(services.dashboardClients());
                }
                properties.putAll(perService.getOrDefault(service, Map.of()));
                List<String> args = new ArrayList<>(QUIET);
                properties.forEach((key, value) -> args.add("--" + key + "=" + value));
                long started = System.nanoTime();
                services.contexts.put(service, service.builder.get().run(args.toArray(String[]::new)));
                log.info("{} started on {} ({} s)", service.serviceName(), services.baseUrl(service),
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /** The dashboard calls the services where they were started (their ports may be random). */
    private Map<String, String> dashboardClients() {
        return Map.of("maap.dashboard.audit-programme-url", baseUrl(Service.AUDIT_PROGRAMME),
                "maap.dashboard.case-return-url", baseUrl(Service.CASE_RETURN),
                "maap.dashboard.action-plan-url", baseUrl(Service.ACTION_PLAN),
                "maap.dashboard.reporting-url", baseUrl(Service.REPORTING),
                "maap.dashboard.notification-url", baseUrl(Service.NOTIFICATION));
    }

    public ConfigurableApplicationContext context(Service service) {
        return contexts.get(service);
    }

    public int port(Service service) {
        return Integer.parseInt(contexts.get(service).getEnvironment().getRequiredProperty("local.server.port"));
    }

    public String baseUrl(Service service) {
        return "http://localhost:" + port(service);
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> running = new ArrayList<>(contexts.values());
        java.util.Collections.reverse(running);
        running.forEach(ConfigurableApplicationContext::close);
        contexts.clear();
    }
}
