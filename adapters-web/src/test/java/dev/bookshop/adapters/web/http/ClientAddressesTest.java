package dev.bookshop.adapters.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Resolving the client of a request from its connection's peer and, behind trusted proxies, X-Forwarded-For. */
class ClientAddressesTest {

    /** A load balancer on 10.0.0.0/24 and a local proxy, as an operator would list them. */
    private final ClientAddresses behindProxies =
            new ClientAddresses(TrustedProxies.parse("10.0.0.0/24, 127.0.0.1, 2001:db8:ffff::/48"));

    private final ClientAddresses direct = new ClientAddresses(TrustedProxies.none());

    private static String resolve(ClientAddresses clients, String peer, String... lines) {
        return clients.resolve(peer, () -> Arrays.asList(lines)).toString();
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(resolve(direct, "203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(resolve(direct, "127.0.0.1", "198.51.100.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void anUntrustedPeerCannotSpoofTheHeader() {
        assertThat(resolve(behindProxies, "203.0.113.9", "127.0.0.1")).isEqualTo("203.0.113.9");
        assertThat(resolve(behindProxies, "203.0.113.9", "198.51.100.1, 10.0.0.1"))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void anUntrustedPeerIsNotEvenAskedForItsHeaders() {
        assertThat(behindProxies
                        .resolve("203.0.113.9", () -> {
                            throw new AssertionError("headers read for an untrusted peer");
                        })
                        .toString())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedPeerWithoutTheHeaderIsTheClient() {
        assertThat(resolve(behindProxies, "10.0.0.7")).isEqualTo("10.0.0.7");
        assertThat(resolve(behindProxies, "10.0.0.7", "")).isEqualTo("10.0.0.7");
    }

    @Test
    void theRightMostUntrustedEntryIsTheClient() {
        // The client wrote 192.0.2.66 itself; the edge proxy appended the address it really saw.
        assertThat(resolve(behindProxies, "10.0.0.7", "192.0.2.66, 198.51.100.1"))
                .isEqualTo("198.51.100.1");
        assertThat(resolve(behindProxies, "10.0.0.7", "192.0.2.66, 198.51.100.1, 10.0.0.3"))
                .isEqualTo("198.51.100.1");
        assertThat(resolve(behindProxies, "127.0.0.1", "198.51.100.1,10.0.0.3,10.0.0.4"))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void everyHeaderLineCountsInOrder() {
        assertThat(resolve(behindProxies, "10.0.0.7", "192.0.2.66", "198.51.100.1, 10.0.0.3"))
                .isEqualTo("198.51.100.1");
        assertThat(resolve(behindProxies, "10.0.0.7", "198.51.100.1", "10.0.0.3", "10.0.0.4"))
                .isEqualTo("198.51.100.1");
        assertThat(resolve(behindProxies, "10.0.0.7", "198.51.100.1, 10.0.0.3", "203.0.113.5"))
                .isEqualTo("203.0.113.5");
    }

    @Test
    void whenEveryEntryIsTrustedTheLeftMostIsTheClient() {
        assertThat(resolve(behindProxies, "10.0.0.7", "10.0.0.1, 10.0.0.2")).isEqualTo("10.0.0.1");
        assertThat(resolve(behindProxies, "127.0.0.1", "127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "unknown",
                "_hidden",
                "client.example.com",
                "beef",
                "198.51.100.1 203.0.113.5",
                "999.1.1.1",
                "1.2.3",
                "0x7f.0.0.1",
                "[2001:db8::1",
                "2001:db8::1]",
                "1.2.3.4:99999",
                "fe80::1%eth0",
                "for=198.51.100.1"
            })
    void aMalformedEntryStopsTheWalkAtTheLastTrustedHop(String garbage) {
        assertThat(resolve(behindProxies, "10.0.0.7", "198.51.100.1, " + garbage))
                .isEqualTo("10.0.0.7");
        assertThat(resolve(behindProxies, "10.0.0.7", "198.51.100.1, " + garbage + ", 10.0.0.3"))
                .isEqualTo("10.0.0.3");
        assertThat(resolve(behindProxies, "10.0.0.7", "198.51.100.1", garbage)).isEqualTo("10.0.0.7");
    }

    @Test
    void aBlankEntryInAListIsMalformedButABlankLineAddsNone() {
        assertThat(resolve(behindProxies, "10.0.0.7", "198.51.100.1,,10.0.0.3")).isEqualTo("10.0.0.3");
        assertThat(resolve(behindProxies, "10.0.0.7", "198.51.100.1, ")).isEqualTo("10.0.0.7");
        assertThat(resolve(behindProxies, "10.0.0.7", "198.51.100.1", " ")).isEqualTo("198.51.100.1");
    }

    @ParameterizedTest
    @CsvSource({
        "198.51.100.1:5678, 198.51.100.1",
        "[2001:db8::1]:443, 2001:db8:0:0:0:0:0:1",
        "[2001:db8::1], 2001:db8:0:0:0:0:0:1",
        "2001:DB8::1, 2001:db8:0:0:0:0:0:1",
        "' 198.51.100.1 ', 198.51.100.1",
        "::ffff:198.51.100.1, 198.51.100.1"
    })
    void entriesMayCarryPortsBracketsAndSpaces(String entry, String client) {
        assertThat(resolve(behindProxies, "10.0.0.7", entry)).isEqualTo(client);
    }

    @Test
    void ipv6PeersAndHopsAreMatchedByTheirBlocks() {
        assertThat(resolve(behindProxies, "2001:db8:ffff::5", "2001:db8:1:2::99, 2001:db8:ffff:1::1"))
                .isEqualTo("2001:db8:1:2:0:0:0:99");
        assertThat(resolve(behindProxies, "[2001:db8:ffff::5]", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(resolve(behindProxies, "2001:db8:eeee::5", "198.51.100.1")).isEqualTo("2001:db8:eeee:0:0:0:0:5");
    }

    @Test
    void aV4MappedPeerIsItsIpv4Address() {
        assertThat(resolve(behindProxies, "::ffff:10.0.0.7", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(resolve(direct, "::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void aPeerThatIsNoAddressIsUnknownAndNotLoopback() {
        ClientAddress client = behindProxies.resolve("localhost", List::of);

        assertThat(client).isEqualTo(ClientAddress.UNKNOWN);
        assertThat(client.isLoopback()).isFalse();
        assertThat(direct.resolve(null, List::of)).isEqualTo(ClientAddress.UNKNOWN);
    }

    @Test
    void loopbackIsTheResolvedClientsNotThePeers() {
        assertThat(behindProxies.resolve("127.0.0.1", List::of).isLoopback()).isTrue();
        assertThat(behindProxies
                        .resolve("127.0.0.1", () -> List.of("203.0.113.9"))
                        .isLoopback())
                .isFalse();
        assertThat(behindProxies.resolve("127.0.0.1", () -> List.of("::1")).isLoopback())
                .as("a local client through the local proxy")
                .isTrue();
    }

    @Test
    void ipv4ClientsAreKeyedByTheirAddress() {
        assertThat(direct.resolve("203.0.113.9", List::of).rateLimitKey()).isEqualTo("203.0.113.9");
        assertThat(direct.resolve("203.0.113.10", List::of).rateLimitKey()).isEqualTo("203.0.113.10");
    }

    @Test
    void ipv6ClientsAreKeyedByTheirSlash64() {
        String one = direct.resolve("2001:db8:1:2:aaaa::1", List::of).rateLimitKey();
        String other =
                direct.resolve("2001:db8:1:2:ffff:ffff:ffff:ffff", List::of).rateLimitKey();
        String nextNetwork = direct.resolve("2001:db8:1:3::1", List::of).rateLimitKey();

        assertThat(one).isEqualTo(other).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(nextNetwork).isNotEqualTo(one);
    }

    @Test
    void v4MappedClientsAreKeyedAsTheirIpv4Address() {
        assertThat(direct.resolve("::ffff:203.0.113.9", List::of).rateLimitKey())
                .isEqualTo(direct.resolve("203.0.113.9", List::of).rateLimitKey());
        assertThat(behindProxies
                        .resolve("10.0.0.7", () -> List.of("::ffff:203.0.113.9"))
                        .rateLimitKey())
                .isEqualTo("203.0.113.9");
    }
}
