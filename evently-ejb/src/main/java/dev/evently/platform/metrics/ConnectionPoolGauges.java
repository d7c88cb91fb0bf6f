package dev.evently.platform.metrics;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The JDBC pool's connections as the server counts them: in use, free, and requests waiting for one, read from the
 * server's MBean of the pool, whichever server it is:
 * <ul>
 * <li>Payara publishes a pool's monitoring statistics as AMX MBeans, with the jdbc-connection-pool monitoring level
 * on and AMX enabled (both set in server-config/domain/evently.asadmin);</li>
 * <li>WildFly publishes a datasource's pool statistics with its statistics enabled (server-config/wildfly/evently.cli).
 * </li>
 * </ul>
 * Without either the gauges are NaN.
 */
@ApplicationScoped
public class ConnectionPoolGauges implements RegistersMetrics {

    private static final Logger LOG = Logger.getLogger(ConnectionPoolGauges.class.getName());
    private static final String PAYARA = "amx:type=jdbc-connection-pool-mon,*";
    private static final String WILDFLY = "jboss.as:subsystem=datasources,data-source=%s,statistics=pool";

    /** One figure as each server names it: Payara's attribute and the field of its statistic, WildFly's attribute. */
    private record Figure(String payaraAttribute, String payaraField, String wildflyAttribute) {
    }

    @Inject
    MeterRegistry registry;

    /** The pool behind the application's datasource: Payara's connection pool, WildFly's datasource. */
    @Inject
    @ConfigProperty(name = "evently.metrics.jdbc-pool", defaultValue = "evently-pool")
    String pool;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    /** The pool's statistics MBean once found; Payara's AMX registers it lazily. */
    private volatile ObjectName statistics;
    private volatile boolean payara;

    @PostConstruct
    void register() {
        Tags poolTag = Tags.of("pool", pool);
        String connections = "Connections of the JDBC pool by state: used (lent to a transaction or request), free"
                + " (open and idle)";
        gauge("evently_db_pool_connections", connections,
                () -> statistic(new Figure("numconnused", "current", "InUseCount")), poolTag.and("state", "used"));
        gauge("evently_db_pool_connections", connections,
                () -> statistic(new Figure("numconnfree", "current", "IdleCount")), poolTag.and("state", "free"));
        gauge("evently_db_pool_waiting", "Requests waiting for a connection of the JDBC pool",
                () -> statistic(new Figure("waitqueuelength", "count", "WaitCount")), poolTag);
    }

    private void gauge(String name, String description, Supplier<Number> value, Tags tags) {
        Gauge.builder(name, value).description(description).tags(tags).register(registry);
    }

    /** The figure, or NaN when the server publishes no statistics of the pool. */
    private Double statistic(Figure figure) {
        try {
            ObjectName name = statistics();
            if (name == null) {
                return Double.NaN;
            }
            Object value = payara
                    ? ((CompositeData) server.getAttribute(name, figure.payaraAttribute())).get(figure.payaraField())
                    : server.getAttribute(name, figure.wildflyAttribute());
            return value instanceof Number number ? number.doubleValue() : Double.NaN;
        } catch (JMException | RuntimeException e) {
            statistics = null;  // the pool was redeployed, or monitoring switched off: look again next time
            LOG.log(Level.FINE, "no statistics of pool " + pool, e);
            return Double.NaN;
        }
    }

    private ObjectName statistics() throws JMException {
        ObjectName found = statistics;
        if (found != null) {
            return found;
        }
        String wanted = "resources/" + pool;
        for (ObjectName name : server.queryNames(new ObjectName(PAYARA), null)) {
            String named = name.getKeyProperty("name");
            if (named != null && wanted.equals(named.startsWith("\"") ? ObjectName.unquote(named) : named)) {
                payara = true;
                statistics = name;
                return name;
            }
        }
        ObjectName wildfly = new ObjectName(String.format(WILDFLY, pool));
        if (server.isRegistered(wildfly)) {
            payara = false;
            statistics = wildfly;
            return wildfly;
        }
        return null;
    }
}
