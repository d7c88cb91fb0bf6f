package dev.evently.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisConnectionTest {

    @Test
    void theReportedAddressNeverCarriesCredentials() {
        RedisConnection connection = new RedisConnection();
        connection.address = "redis://:s3cret@cache.internal:6379";
        assertThat(connection.address()).isEqualTo("redis://cache.internal:6379");

        connection.address = "rediss://user:pw@10.0.0.5:6380/2";
        assertThat(connection.address()).isEqualTo("rediss://10.0.0.5:6380/2");

        connection.address = "redis://127.0.0.1:16379";
        assertThat(connection.address()).isEqualTo("redis://127.0.0.1:16379");
    }
}
