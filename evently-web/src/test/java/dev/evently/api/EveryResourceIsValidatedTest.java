package dev.evently.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

/**
 * Parameters are validated by Bean Validation's CDI interceptor only ({@link EventlyApplication} turns Jersey's own
 * validation off), which reaches a resource only if it is a CDI bean: a resource without a scope would take
 * whatever it is sent. Checked when the module is built.
 */
class EveryResourceIsValidatedTest {

    @Test
    void everyResourceIsACdiBean() throws Exception {
        List<String> unscoped = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : ApiClasses.compiled()) {
            if (!type.isAnnotationPresent(Path.class)) {
                continue;
            }
            checked++;
            if (!type.isAnnotationPresent(ApplicationScoped.class) && !type.isAnnotationPresent(RequestScoped.class)
                    && !type.isAnnotationPresent(Dependent.class)) {
                unscoped.add(type.getName());
            }
        }
        assertThat(checked).as("resources found").isGreaterThan(15);
        assertThat(unscoped).as("resources that are not CDI beans, so not validated").isEmpty();
    }
}
