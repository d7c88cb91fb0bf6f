package dev.evently.platform.control;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.mail.Session;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application server's resources Evently uses, for injection: the one place that knows the names a server binds
 * them under. Each server has its own rules for those names (Payara binds {@code jdbc/evently}; WildFly only names
 * under {@code java:/} and {@code java:jboss/}), so the names are settings, with Payara's as the defaults
 * (server-config/domain/evently.asadmin creates them). The broker's destinations are no resources: they are
 * addresses, named where they are used.
 * <p>
 * Looked up once, when the application starts ({@link dev.evently.platform.boundary.SchemaMigrations} asks first), so
 * a missing resource fails the deployment with its name rather than the first request that needs it.
 */
@ApplicationScoped
public class ServerResources {

    @Inject
    @ConfigProperty(name = "evently.resources.datasource", defaultValue = "jdbc/evently")
    String dataSourceName;

    @Inject
    @ConfigProperty(name = "evently.resources.jms-connection-factory", defaultValue = "jms/evently")
    String connectionFactoryName;

    @Inject
    @ConfigProperty(name = "evently.resources.mail-session", defaultValue = "mail/evently")
    String mailSessionName;

    private DataSource dataSource;
    private ConnectionFactory connectionFactory;
    private Session mailSession;

    @PostConstruct
    void lookUp() {
        dataSource = lookUp(dataSourceName, DataSource.class);
        connectionFactory = lookUp(connectionFactoryName, ConnectionFactory.class);
        mailSession = lookUp(mailSessionName, Session.class);
    }

    /** PostgreSQL, the pool the persistence unit uses too (JTA: a connection joins the caller's transaction). */
    @Produces
    DataSource dataSource() {
        return dataSource;
    }

    /** Artemis, the resource adapter's pool (JTA: a session joins the caller's transaction). */
    @Produces
    ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** The SMTP server. */
    @Produces
    Session mailSession() {
        return mailSession;
    }

    private static <T> T lookUp(String name, Class<T> type) {
        try {
            return type.cast(InitialContext.doLookup(name));
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("the server has no " + type.getSimpleName() + " bound as '" + name
                    + "' (set by evently.resources.*): " + e.getMessage(), e);
        }
    }
}
