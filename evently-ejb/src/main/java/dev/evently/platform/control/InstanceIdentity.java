package dev.evently.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Names this server instance among the several that may share one database, broker and cache, and knows where the
 * server keeps its files: the one place that tells Payara from WildFly (by their system properties).
 */
@ApplicationScoped
public class InstanceIdentity {

    private final String host = hostName();
    // the server's name for this instance: Payara's instance, WildFly's node
    private final String id = host + "/" + System.getProperty("com.sun.aas.instanceName",
            System.getProperty("jboss.node.name", "server")) + "/" + ProcessHandle.current().pid();
    private final Instant startedAt = Instant.now();

    public String id() {
        return id;
    }

    public String host() {
        return host;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Where the server keeps this instance's files: a Payara domain's config directory, WildFly's data directory. */
    public Path directory() {
        String domain = System.getProperty("com.sun.aas.instanceRoot");
        return domain != null ? Path.of(domain, "config") : Path.of(System.getProperty("jboss.server.data.dir", "."));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
