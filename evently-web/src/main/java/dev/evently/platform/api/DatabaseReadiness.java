package dev.evently.platform.api;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;

/** Whether PostgreSQL hands out a valid connection. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness extends DependencyCheck {

    @Resource(lookup = "jdbc/evently")
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
