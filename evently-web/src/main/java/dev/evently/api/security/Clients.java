package dev.evently.api.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where requests come from, as limits count them: the peer, or what a trusted proxy says the client was. */
@ApplicationScoped
public class Clients {

    /** Proxies (addresses, comma-separated) whose X-Forwarded-For names the client; none by default. */
    @Inject
    @ConfigProperty(name = "evently.http.trusted-proxies")
    Optional<String> trustedProxies;

    private Set<String> proxies;

    @PostConstruct
    void proxies() {
        proxies = Arrays.stream(trustedProxies.orElse("").split(","))
                .map(String::strip)
                .filter(proxy -> !proxy.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String address(HttpServletRequest request) {
        return ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), proxies);
    }
}
