package dev.bookshop.adapters.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CIDR blocks as TRUSTED_PROXIES names them: parsing, refusals and membership, IPv4 and IPv6. */
class AddressBlockTest {

    private static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0/8",
        "127.0.0.1, 127.0.0.1/32",
        "0.0.0.0/0, 0.0.0.0/0",
        "2001:db8::/32, 2001:db8:0:0:0:0:0:0/32",
        "::1, 0:0:0:0:0:0:0:1/128",
        "2001:DB8::/32, 2001:db8:0:0:0:0:0:0/32",
        "::ffff:10.0.0.0/104, 10.0.0.0/8",
        "::ffff:192.0.2.1, 192.0.2.1/32"
    })
    void readsBlocksAndBareAddresses(String text, String block) {
        assertThat(AddressBlock.parse(text)).hasToString(block);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "proxy.example.com",
                "localhost",
                "10.0.0.0/33",
                "2001:db8::/129",
                "10.0.0.0/-1",
                "10.0.0.0/",
                "10.0.0.0/8/8",
                "10.0.0.0/ 8",
                "10.0.0.1/8",
                "2001:db8::1/32",
                "256.0.0.1",
                "10.0.0",
                "010.0.0.1",
                "1.2.3.4:80",
                "[::1]",
                "fe80::1%eth0",
                "::ffff:10.0.0.0/64",
                "10.0.0.0/0x8",
                "beef"
            })
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> AddressBlock.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlockWithHostBitsSetNamesTheBlockItMeant() {
        assertThatThrownBy(() -> AddressBlock.parse("10.1.2.3/8")).hasMessageContaining("10.0.0.0/8");
    }

    @Test
    void ipv4BlocksHoldTheirAddressesOnly() {
        AddressBlock block = AddressBlock.parse("10.0.0.0/8");

        assertThat(block.contains(ip("10.0.0.0"))).isTrue();
        assertThat(block.contains(ip("10.255.255.255"))).isTrue();
        assertThat(block.contains(ip("::ffff:10.1.2.3"))).as("v4-mapped").isTrue();
        assertThat(block.contains(ip("11.0.0.0"))).isFalse();
        assertThat(block.contains(ip("9.255.255.255"))).isFalse();
        assertThat(block.contains(ip("::a00:1")))
                .as("IPv4-compatible IPv6 is IPv6")
                .isFalse();
    }

    @Test
    void prefixesOffAByteBoundaryCountBits() {
        AddressBlock block = AddressBlock.parse("192.168.4.0/22");

        assertThat(block.contains(ip("192.168.4.0"))).isTrue();
        assertThat(block.contains(ip("192.168.7.255"))).isTrue();
        assertThat(block.contains(ip("192.168.8.0"))).isFalse();
        assertThat(block.contains(ip("192.168.3.255"))).isFalse();
    }

    @Test
    void ipv6BlocksHoldTheirAddressesOnly() {
        AddressBlock block = AddressBlock.parse("2001:db8:abcd::/48");

        assertThat(block.contains(ip("2001:db8:abcd::1"))).isTrue();
        assertThat(block.contains(ip("2001:db8:abcd:ffff:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(block.contains(ip("2001:db8:abce::1"))).isFalse();
        assertThat(block.contains(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void aSingleAddressHoldsItselfOnly() {
        assertThat(AddressBlock.parse("127.0.0.1").contains(ip("127.0.0.1"))).isTrue();
        assertThat(AddressBlock.parse("127.0.0.1").contains(ip("127.0.0.2"))).isFalse();
        assertThat(AddressBlock.parse("::1").contains(ip("::1"))).isTrue();
        assertThat(AddressBlock.parse("::1").contains(ip("::2"))).isFalse();
    }

    @Test
    void zeroPrefixesHoldTheirWholeFamily() {
        assertThat(AddressBlock.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
        assertThat(AddressBlock.parse("0.0.0.0/0").contains(ip("2001:db8::1"))).isFalse();
        assertThat(AddressBlock.parse("::/0").contains(ip("2001:db8::1"))).isTrue();
        assertThat(AddressBlock.parse("::/0").contains(ip("203.0.113.9"))).isFalse();
    }

    @Test
    void aListNamesTheEntryItRefuses() {
        assertThat(TrustedProxies.parse(" 10.0.0.0/8 , ,::1 ").blocks())
                .extracting(AddressBlock::toString)
                .containsExactly("10.0.0.0/8", "0:0:0:0:0:0:0:1/128");
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.internal, ::1"))
                .hasMessageStartingWith("'proxy.internal' is not an address or CIDR block");
    }
}
