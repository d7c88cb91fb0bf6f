package dev.evently.webhook.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may be sent to: absolute http or https URLs of at most {@value #MAX_LENGTH} characters, with
 * a host and no user info, and — unless private addresses are allowed (a test stack, a closed network) — a host
 * whose every address is a public one. A URL naming the server's own loopback, the private network, link-local
 * addresses (the cloud's metadata service) or multicast is refused, so that an admin account cannot turn the
 * webhooks into a probe of the inside. The host is resolved again before every attempt ({@link #check}), so a name
 * that later points inside is refused then.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2000;

    /** Resolves a host name to its addresses; a seam for the tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookUrls(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public WebhookUrls(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * The URL as it will be used, if it is acceptable.
     *
     * @throws IllegalArgumentException with a sentence for the admin when it is not
     */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a URL is needed");
        }
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("a URL with a host name or address");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a URL without user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a URL without a fragment (#...)");
        }
        if (!allowPrivate) {
            String host = uri.getHost();
            InetAddress[] addresses;
            try {
                addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("the host " + host + " cannot be resolved");
            }
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new IllegalArgumentException("the host " + host
                            + " is a loopback, private, link-local or multicast address, which webhooks may not call");
                }
            }
        }
        return uri;
    }

    /** Whether an address is on the public internet (not this host, the private network, link-local or multicast). */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc;  // fc00::/7, unique local addresses
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 100.64.0.0/10, shared address space (carrier-grade NAT); 0.0.0.0/8, "this network"
        return !(first == 100 && second >= 64 && second < 128) && first != 0;
    }
}
