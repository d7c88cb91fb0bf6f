package dev.evently.api.security;

import java.util.Set;

/**
 * The address a request comes from, as rate limits key it. X-Forwarded-For is anyone's to write, so it
 * counts only when the direct peer is a configured proxy; then the nearest hop no proxy of ours added
 * is the client.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }
}
