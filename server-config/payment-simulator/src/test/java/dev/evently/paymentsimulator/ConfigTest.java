package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsNeedOnlyAnApiKey() {
        Config config = Config.parse(new String[] {"--api-key", "k"}, Map.of());

        assertThat(config).isEqualTo(new Config("127.0.0.1", 8026, null, null, "", "k", null, 500_000));
    }

    @Test
    void readsEveryOptionFromArguments() {
        Config config = Config.parse(new String[] {"--host", "0.0.0.0", "--port", "9000",
            "--public-url", "http://localhost:9000/", "--webhook-url", "http://127.0.0.1:8080/api/payments/webhook",
            "--webhook-secret", "S", "--api-key", "K", "--state-file", "/tmp/state.log", "--max-payments=10"}, Map.of());

        assertThat(config).isEqualTo(new Config("0.0.0.0", 9000, "http://localhost:9000",
                URI.create("http://127.0.0.1:8080/api/payments/webhook"), "S", "K", Path.of("/tmp/state.log"), 10));
    }

    @Test
    void readsTheEnvironmentAndArgumentsWin() {
        Map<String, String> env = Map.of("PAYSIM_HOST", "10.0.0.1", "PAYSIM_PORT", "1234", "PAYSIM_API_KEY", "env-key",
                "PAYSIM_WEBHOOK_URL", "http://example.test/hook", "PAYSIM_WEBHOOK_SECRET", "env-secret",
                "PAYSIM_STATE_FILE", "/tmp/s", "PAYSIM_PUBLIC_URL", "https://pay.example.test");

        Config fromEnv = Config.parse(new String[0], env);
        assertThat(fromEnv.host()).isEqualTo("10.0.0.1");
        assertThat(fromEnv.port()).isEqualTo(1234);
        assertThat(fromEnv.apiKey()).isEqualTo("env-key");
        assertThat(fromEnv.webhookUrl()).isEqualTo(URI.create("http://example.test/hook"));
        assertThat(fromEnv.webhookSecret()).isEqualTo("env-secret");
        assertThat(fromEnv.publicUrl()).isEqualTo("https://pay.example.test");
        assertThat(fromEnv.stateFile()).isEqualTo(Path.of("/tmp/s"));

        Config overridden = Config.parse(new String[] {"--port", "1", "--api-key", "arg-key", "--webhook-url", ""}, env);
        assertThat(overridden.port()).isEqualTo(1);
        assertThat(overridden.apiKey()).isEqualTo("arg-key");
        assertThat(overridden.webhookUrl()).as("an empty argument switches webhooks off").isNull();
    }

    @Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> Config.parse(new String[0], Map.of())).hasMessageContaining("--api-key");
        assertThatThrownBy(() -> Config.parse(new String[] {"--api-key", "k", "--webhook-url", "http://x/hook"}, Map.of()))
                .hasMessageContaining("--webhook-secret");
        assertThatThrownBy(() -> Config.parse(new String[] {"--api-key", "k", "--port", "70000"}, Map.of()))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> Config.parse(new String[] {"--api-key", "k", "--webhook-url", "ftp://x", "--webhook-secret", "s"},
                Map.of())).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> Config.parse(new String[] {"--api-key", "k", "--colour", "red"}, Map.of()))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> Config.parse(new String[] {"--api-key"}, Map.of())).hasMessageContaining("needs a value");
    }
}
