package dev.evently.platform.api;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/** Whether PostgreSQL hands out a valid connection: without it the API answers nothing, so readiness needs it. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness extends DependencyCheck implements HealthCheck {

    @Inject
    DataSource dataSource;

    @Override
    public Dependency probe() {
        try (Connection connection = dataSource.getConnection()) {
            return new Dependency("postgresql", connection.isValid(2),
                    Map.of("database", connection.getMetaData().getDatabaseProductVersion()));
        } catch (Exception e) {
            return new Dependency("postgresql", false, Map.of("error", e.getClass().getSimpleName()));
        }
    }
}
