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

    @Test
    void composeConfigPasses() throws Exception {
        List<String> compose = composeCommand();
        assumeTrue(compose != null || !Boolean.getBoolean("evently.compose.required"),
                "no docker compose on this machine");
        assertThat(compose).as("docker compose or docker-compose (./evently test provides one)").isNotNull();

        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-f", COMPOSE.toString(), "config", "--services"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().toList()).contains("postgres", "redis", "artemis", "evently");
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
