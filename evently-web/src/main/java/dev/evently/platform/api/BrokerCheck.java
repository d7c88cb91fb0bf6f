package dev.evently.platform.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the Artemis acceptor answers. A pooled JMS connection can look healthy for a while after the
 * broker went away, so this asks the socket itself. Not a readiness check: while the broker is away bookings go
 * on and their events wait in the outbox, so the instance stays in rotation; admins see it in the health details.
 */
@ApplicationScoped
public class BrokerCheck extends DependencyCheck {

    @Inject
    @ConfigProperty(name = "evently.broker.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "evently.broker.port", defaultValue = "61616")
    int port;

    @Override
    public Dependency probe() {
        String address = host + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return new Dependency("broker", true, Map.of("address", address));
        } catch (IOException e) {
            return new Dependency("broker", false, Map.of("address", address, "error", e.getClass().getSimpleName()));
        }
    }
}
