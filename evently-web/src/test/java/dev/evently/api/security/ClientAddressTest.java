package dev.evently.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("10.0.0.5");

    @Test
    void withoutTrustedProxiesTheDirectPeerIsTheClientWhateverTheHeaderSays() {
        assertThat(ClientAddress.of("198.51.100.7", "203.0.113.9", Set.of())).isEqualTo("198.51.100.7");
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotChooseItsAddress() {
        assertThat(ClientAddress.of("198.51.100.7", "203.0.113.9", PROXY)).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheHopItAddedIsTheClient() {
        // the client wrote the first entry itself; only the last one, added by our proxy, is believed
        assertThat(ClientAddress.of("10.0.0.5", "1.2.3.4, 203.0.113.9", PROXY)).isEqualTo("203.0.113.9");
    }

    @Test
    void chainedTrustedProxiesAreSkipped() {
        assertThat(ClientAddress.of("10.0.0.5", "203.0.113.9, 10.0.0.6", Set.of("10.0.0.5", "10.0.0.6")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsItselfTheClient() {
        assertThat(ClientAddress.of("10.0.0.5", null, PROXY)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of("10.0.0.5", " , ", PROXY)).isEqualTo("10.0.0.5");
    }
}
