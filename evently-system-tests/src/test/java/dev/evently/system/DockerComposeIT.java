package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Docker description of the same stack stays valid, though no engine runs it here. */
class DockerComposeIT {

    private static final Path COMPOSE = Stack.HOME.resolve("docker/docker-compose.yml");
    /** Prometheus and Grafana beside the stack (docker/monitoring.yml), for watching a sale. */
    private static final Path MONITORING = Stack.HOME.resolve("docker/monitoring.yml");
    private static final Path WILDFLY = Stack.HOME.resolve("docker/wildfly.yml");

    @Test
    void composeConfigPasses() throws Exception {
        List<String> compose = composeCommand();
        assumeTrue(compose != null || !Boolean.getBoolean("evently.compose.required"),
                "no docker compose on this machine");
        assertThat(compose).as("docker compose or docker-compose (./evently test provides one)").isNotNull();

        assertThat(services(compose, COMPOSE)).contains("postgres", "redis", "artemis", "evently");
        assertThat(services(compose, COMPOSE, MONITORING)).contains("evently", "prometheus", "grafana");
        assertThat(services(compose, COMPOSE, WILDFLY)).contains("postgres", "redis", "artemis", "evently");
    }

    /** The same stack with the evently service built on WildFly: the same EAR, the server's own image. */
    @Test
    @SuppressWarnings("unchecked")
    void theWildflyOverrideBuildsEventlyOnWildfly() throws IOException {
        Map<String, Object> override;
        try (Reader reader = Files.newBufferedReader(WILDFLY)) {
            override = new Yaml().load(reader);
        }
        Map<String, Object> evently = (Map<String, Object>) ((Map<String, Object>) override.get("services")).get("evently");
        String dockerfile = String.valueOf(((Map<String, Object>) evently.get("build")).get("dockerfile"));
        assertThat(dockerfile).isEqualTo("docker/wildfly.Dockerfile");
        assertThat(Files.readString(Stack.HOME.resolve(dockerfile))).contains("FROM quay.io/wildfly/wildfly:",
                "evently.ear", "server-config/wildfly/evently.cli");
    }

    /** The services of the files together, as {@code docker compose config --services} lists them. */
    private static List<String> services(List<String> compose, Path... files) throws Exception {
        List<String> command = new ArrayList<>(compose);
        for (Path file : files) {
            command.addAll(List.of("-f", file.toString()));
        }
        command.addAll(List.of("config", "--services"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeWiresTheServerToDatabaseCacheAndBroker() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            compose = new Yaml().load(reader);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("postgres", "redis", "artemis", "evently");

        Map<String, Object> evently = (Map<String, Object>) services.get("evently");
        Object dependsOn = evently.get("depends_on");
        List<String> dependencies = dependsOn instanceof Map<?, ?> map
                ? map.keySet().stream().map(String::valueOf).toList()
                : (List<String>) dependsOn;
        assertThat(dependencies).contains("postgres", "redis", "artemis");
        assertThat(Files.exists(Stack.HOME.resolve("docker/Dockerfile"))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheApiIsPublishedAndRedisWantsAPassword() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        services.forEach((name, service) -> assertThat(service.containsKey("ports"))
                .as("%s publishes ports", name).isEqualTo(name.equals("evently")));
        assertThat((List<String>) services.get("evently").get("ports")).containsExactly("${EVENTLY_HTTP_PORT:-8080}:8080");
        assertThat(String.valueOf(services.get("redis").get("command")))
                .contains("--requirepass", "--maxmemory-policy noeviction");
        assertThat(String.valueOf(((Map<String, Object>) services.get("evently").get("environment"))
                .get("EVENTLY_REDIS_ADDRESS"))).contains("${EVENTLY_REDIS_PASSWORD");
    }

    @Test
    @SuppressWarnings("unchecked")
    void monitoringIsPublishedOnThisHostOnlyAndScrapesTheServer() throws IOException {
        Map<String, Object> monitoring;
        try (Reader reader = Files.newBufferedReader(MONITORING)) {
            monitoring = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) monitoring.get("services");

        assertThat(services).containsOnlyKeys("prometheus", "grafana");
        services.forEach((name, service) -> assertThat((List<String>) service.get("ports")).as("%s's ports", name)
                .isNotEmpty().allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:")));
        assertThat(String.valueOf(services.get("grafana").get("environment")))
                .contains("GF_SECURITY_ADMIN_PASSWORD=${EVENTLY_GRAFANA_PASSWORD:-}");
        Map<String, Object> prometheus;
        try (Reader reader = Files.newBufferedReader(Stack.HOME.resolve("docker/prometheus/prometheus.yml"))) {
            prometheus = new Yaml().load(reader);
        }
        assertThat(String.valueOf(prometheus.get("scrape_configs"))).contains("evently:8080", "/metrics");
    }

    /** Compose v2 as a docker plugin where it is installed, else the standalone docker-compose. */
    private static List<String> composeCommand() throws InterruptedException {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                Process process = new ProcessBuilder(version).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException notInstalled) {
                // try the next one
            }
        }
        return null;
    }
}
