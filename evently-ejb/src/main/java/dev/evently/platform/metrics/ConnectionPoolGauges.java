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
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The JDBC pool's connections as the server counts them: in use, free, and requests waiting for one. Payara's own
 * pool figures on /metrics ({@code connection_pool_*_total}, vendor scope) stay 0 on Payara 6.2025 whatever is
 * configured: its metrics.xml declares them as counters fed by the pool health check, and a plain counter is
 * registered under their name first. These read the pool's monitoring statistics instead, which Payara keeps with
 * the jdbc-connection-pool monitoring level on and publishes as AMX MBeans with AMX enabled (both set in
 * server-config/domain/evently.asadmin); without them the gauges are NaN.
 */
@ApplicationScoped
public class ConnectionPoolGauges implements RegistersMetrics {

    private static final Logger LOG = Logger.getLogger(ConnectionPoolGauges.class.getName());
    private static final String MONITORING = "amx:type=jdbc-connection-pool-mon,*";

    @Inject
    MetricRegistry registry;

    /** The pool behind jdbc/evently. */
    @Inject
    @ConfigProperty(name = "evently.metrics.jdbc-pool", defaultValue = "evently-pool")
    String pool;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    /** The pool's statistics MBean once found; AMX registers it lazily. */
    private volatile ObjectName statistics;

    @PostConstruct
    void register() {
        Tag poolTag = new Tag("pool", pool);
        String connections = "Connections of the JDBC pool by state: used (lent to a transaction or request), free"
                + " (open and idle)";
        gauge("evently_db_pool_connections", connections, () -> statistic("numconnused", "current"), poolTag,
                new Tag("state", "used"));
        gauge("evently_db_pool_connections", connections, () -> statistic("numconnfree", "current"), poolTag,
                new Tag("state", "free"));
        gauge("evently_db_pool_waiting", "Requests waiting for a connection of the JDBC pool",
                () -> statistic("waitqueuelength", "count"), poolTag);
    }

    private void gauge(String name, String description, Supplier<Double> value, Tag... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, tags);
    }

    /** A field of one of the pool's statistics (a range statistic's current value, a count's count), or NaN. */
    private Double statistic(String attribute, String field) {
        try {
            ObjectName name = statistics();
            if (name == null) {
                return Double.NaN;
            }
            Object value = ((CompositeData) server.getAttribute(name, attribute)).get(field);
            return value instanceof Number number ? number.doubleValue() : Double.NaN;
        } catch (JMException | RuntimeException e) {
            statistics = null;  // the pool was redeployed, or monitoring switched off: look again next time
            LOG.log(Level.FINE, "no statistics of pool " + pool, e);
            return Double.NaN;
        }
    }

    private ObjectName statistics() throws JMException {
        ObjectName found = statistics;
        if (found == null) {
            String wanted = "resources/" + pool;
            for (ObjectName name : server.queryNames(new ObjectName(MONITORING), null)) {
                String pool = name.getKeyProperty("name");
                if (pool != null && wanted.equals(pool.startsWith("\"") ? ObjectName.unquote(pool) : pool)) {
                    statistics = name;
                    return name;
                }
            }
        }
        return found;
    }
}
