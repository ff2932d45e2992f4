package io.maap.deploycheck.compose;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComposeFileTest {

    private static final String YAML = """
            name: demo
            x-env: &env
              SHARED: ${SHARED:-shared-default}
              PORT: 1
            services:
              api:
                build: { context: ., args: { SERVICE: api } }
                entrypoint: ["java", "-jar", "/app/app.jar"]
                ports: ["8080:80", "127.0.0.1:9094:9094"]
                environment:
                  <<: *env
                  SECRET: ${SECRET:?set SECRET}
                  FLAG: "false"
                  FROM_ENV:
                depends_on:
                  db: { condition: service_healthy }
                volumes:
                  - data:/var/lib/data
                  - ./conf:/etc/conf:ro
                healthcheck:
                  test: ["CMD-SHELL", "curl -f http://localhost:$${PORT}/ || exit 1"]
                  interval: 1m30s
                  retries: 5
              db:
                image: postgres:15
                command: postgres -c 'max_connections=50'
                depends_on: [api]
            volumes:
              data:
            """;

    @Test
    void readsServicesWithMergeKeysInterpolationAndCompactForms() {
        ComposeFile compose = ComposeFile.parse(YAML, Map.of("SECRET", "s3", "FROM_ENV", "e"));
        assertThat(compose.projectName()).isEqualTo("demo");
        assertThat(compose.services()).containsOnlyKeys("api", "db");
        ComposeService api = compose.service("api");
        assertThat(api.built()).isTrue();
        assertThat(api.buildArgs()).containsEntry("SERVICE", "api");
        assertThat(api.environment()).containsEntry("SHARED", "shared-default").containsEntry("PORT", "1")
                .containsEntry("SECRET", "s3").containsEntry("FLAG", "false").containsEntry("FROM_ENV", "e");
        assertThat(api.ports()).containsExactly(new ComposeService.Port(null, 8080, 80),
                new ComposeService.Port("127.0.0.1", 9094, 9094));
        assertThat(api.volumes()).containsExactly(new ComposeService.Mount("data", "/var/lib/data", false),
                new ComposeService.Mount("./conf", "/etc/conf", true));
        assertThat(api.volumes().get(0).named()).isTrue();
        assertThat(api.volumes().get(1).named()).isFalse();
        assertThat(api.dependsOn()).containsEntry("db", "service_healthy");
        assertThat(api.healthcheck().test()).containsExactly("CMD-SHELL", "curl -f http://localhost:${PORT}/ || exit 1");
        assertThat(api.healthcheck().interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(api.healthcheck().retries()).isEqualTo(5);
        ComposeService db = compose.service("db");
        assertThat(db.command()).isEqualTo(List.of("postgres", "-c", "max_connections=50"));
        assertThat(db.dependsOn()).containsEntry("api", "service_started");
        assertThat(compose.volumes()).containsExactly("data");
    }

    @Test
    void aFurtherInstanceIsTheServiceUnderItsOwnNameWithoutPublishedPorts() {
        ComposeService api = ComposeFile.parse(YAML, Map.of("SECRET", "s3")).service("api");
        ComposeService second = api.instance(2);
        assertThat(second.name()).isEqualTo("api-2");
        assertThat(second.ports()).isEmpty();
        assertThat(second.environment()).isEqualTo(api.environment());
        assertThat(second.volumes()).isEqualTo(api.volumes());
        assertThat(second.dependsOn()).isEqualTo(api.dependsOn());
        assertThat(second.healthcheck()).isEqualTo(api.healthcheck());
    }

    @Test
    void aRequiredVariableWithoutValueStopsTheRead() {
        assertThatThrownBy(() -> ComposeFile.parse(YAML, Map.of())).hasMessageContaining("SECRET");
    }

    @Test
    void readsTheProjectsComposeFile() throws Exception {
        Path project = Path.of("..").toAbsolutePath().normalize();
        Path env = project.resolve(".env.example");
        Map<String, String> variables = env.toFile().exists() ? DotEnv.read(env, Map.of()) : Map.of();
        ComposeFile compose = ComposeFile.read(project.resolve("docker-compose.yml"), variables);
        assertThat(compose.services()).containsKeys("kafka", "keycloak", "postgres", "mongo", "audit-programme-service",
                "case-return-service", "action-plan-service", "reporting-service", "web-dashboard");
        assertThat(compose.service("case-return-service").dependsOn()).containsKeys("kafka-access", "keycloak");
    }
}
