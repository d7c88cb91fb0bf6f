package dev.evently.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiContractTest {

    @Test
    void aParametersRegularExpressionIsLeftOutOfThePath() {
        assertThat(ApiContract.plainTemplate("/admin/users/{id: [0-9]{1,18}}")).isEqualTo("/admin/users/{id}");
        assertThat(ApiContract.plainTemplate("/admin/users/{id: [0-9]{1,18}}/role"))
                .isEqualTo("/admin/users/{id}/role");
        assertThat(ApiContract.plainTemplate("/bookings/{id}/payments")).isEqualTo("/bookings/{id}/payments");
        assertThat(ApiContract.plainTemplate("/a/{x:\\d+}/b/{y: [a-z]+}")).isEqualTo("/a/{x}/b/{y}");
    }
}
