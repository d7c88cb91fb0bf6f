package dev.evently.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    /** Names resolved without DNS: a public one, one pointing inside, one unknown. */
    private static final Map<String, String> HOSTS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "inside.example.com", "10.1.2.3");

    private static final WebhookUrls.Resolver RESOLVER = host -> {
        String address = HOSTS.get(host);
        if (address != null) {
            return new InetAddress[]{InetAddress.getByName(address)};
        }
        if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
            return new InetAddress[]{InetAddress.getByName(host)};  // a literal address, never looked up
        }
        throw new UnknownHostException(host);
    };

    private final WebhookUrls strict = new WebhookUrls(false, RESOLVER);
    private final WebhookUrls allowingPrivate = new WebhookUrls(true, RESOLVER);

    @Test
    void takesPublicHttpAndHttpsUrls() {
        assertThat(strict.check("https://hooks.example.com/evently?x=1")).hasToString("https://hooks.example.com/evently?x=1");
        assertThat(strict.check("http://93.184.216.34:8080/in")).hasHost("93.184.216.34");
    }

    @Test
    void refusesOtherSchemesAndShapes() {
        for (String url : new String[]{"ftp://hooks.example.com/", "file:///etc/passwd", "hooks.example.com/x",
                "javascript:alert(1)", "https:///nohost", "https://user:pw@hooks.example.com/",
                "https://hooks.example.com/#frag", "not a url", "", " "}) {
            assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> strict.check(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUrlsLongerThan2000Characters() {
        String base = "https://hooks.example.com/";
        assertThat(strict.check(base + "a".repeat(WebhookUrls.MAX_LENGTH - base.length()))).isNotNull();
        assertThatThrownBy(() -> strict.check(base + "a".repeat(WebhookUrls.MAX_LENGTH - base.length() + 1)))
                .hasMessageContaining("2000");
    }

    @Test
    void refusesLoopbackPrivateLinkLocalAndMulticastUnlessAllowed() {
        for (String url : new String[]{"http://127.0.0.1:9000/hook", "http://[::1]/hook", "http://10.0.0.5/",
                "http://192.168.1.10/", "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/", "http://224.0.0.1/", "http://100.64.0.1/", "http://[fd00::1]/",
                "http://[fe80::1]/", "https://inside.example.com/hook"}) {
            assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("may not call");
            assertThat(allowingPrivate.check(url)).as(url).isNotNull();
        }
    }

    @Test
    void refusesAHostThatDoesNotResolveUnlessPrivateAddressesAreAllowed() {
        assertThatThrownBy(() -> strict.check("https://nowhere.invalid/")).hasMessageContaining("cannot be resolved");
        assertThat(allowingPrivate.check("https://nowhere.invalid/")).isNotNull();
    }
}
