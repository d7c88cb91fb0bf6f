package dev.evently.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.evently.accounts.api.AuthResource;
import dev.evently.catalog.api.AdminEventsResource;

class EmptyBodiesTest {

    @Test
    void aBodyMarkedNotNullIsRequiredAndAnUnmarkedOneIsNot() throws Exception {
        assertThat(EmptyBodies.bodyRequired(method(AdminEventsResource.class, "createEvent"))).isTrue();
        assertThat(EmptyBodies.bodyRequired(method(AdminEventsResource.class, "updateEvent")))
                .as("a @PathParam beside the body is not the body").isTrue();
        assertThat(EmptyBodies.bodyRequired(method(AuthResource.class, "logout"))).as("its body is optional").isFalse();
    }

    private static java.lang.reflect.Method method(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }
}
