package dev.bookshop.adapters.web.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); a bare address is a block of
 * one ({@code /32} or {@code /128}). IPv4 blocks hold IPv4 addresses only, IPv6 blocks IPv6 ones; an IPv4-mapped IPv6
 * address is its IPv4 address on both sides.
 */
public record AddressBlock(InetAddress network, int prefixLength) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");

    /** The bits of an IPv4 address inside an IPv4-mapped IPv6 one ({@code ::ffff:0:0/96}). */
    private static final int MAPPED_PREFIX = 96;

    public AddressBlock {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("a prefix length must be from 0 to " + bits);
        }
        if (!Arrays.equals(masked(network.getAddress(), prefixLength), network.getAddress())) {
            throw new IllegalArgumentException("the block has bits set past its prefix length");
        }
    }

    /**
     * Reads {@code address[/prefix]}. A block with bits set past its prefix ({@code 10.0.0.1/8}) is refused rather than
     * widened: it is more likely a mistyped single address than a wish to trust the whole block.
     *
     * @throws IllegalArgumentException saying what is wrong, without repeating the text
     */
    public static AddressBlock parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("a block is an address with at most one /prefix");
        }
        InetAddress address = IpLiteral.parse(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("not an IPv4 or IPv6 address literal"));
        int bits = address.getAddress().length * 8;
        // Written as IPv6 but read back as IPv4: its prefix counts the 96 bits of the mapping too.
        boolean mapped = address instanceof Inet4Address && parts[0].indexOf(':') >= 0;
        int written = mapped ? bits + MAPPED_PREFIX : bits;
        int prefix = written;
        if (parts.length == 2) {
            if (!DIGITS.matcher(parts[1]).matches() || Integer.parseInt(parts[1]) > written) {
                throw new IllegalArgumentException("the prefix length must be a number from 0 to " + written);
            }
            prefix = Integer.parseInt(parts[1]);
        }
        if (mapped) {
            if (prefix < MAPPED_PREFIX) {
                throw new IllegalArgumentException(
                        "an IPv4-mapped block needs a prefix of at least " + MAPPED_PREFIX + "; write it as IPv4");
            }
            prefix -= MAPPED_PREFIX;
        }
        byte[] network = masked(address.getAddress(), prefix);
        if (!Arrays.equals(network, address.getAddress())) {
            throw new IllegalArgumentException("bits are set past the prefix length; the block is "
                    + literal(network).getHostAddress() + "/" + prefix);
        }
        return new AddressBlock(address, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.getAddress().length
                && Arrays.equals(masked(candidate, prefixLength), network.getAddress());
    }

    /** The address with every bit past {@code prefix} cleared. */
    static byte[] masked(byte[] address, int prefix) {
        byte[] bytes = address.clone();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.clamp(prefix - i * 8L, 0, 8);
            bytes[i] = (byte) (bytes[i] & (0xff00 >> keep));
        }
        return bytes;
    }

    static InetAddress literal(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The block as CIDR, such as {@code 10.0.0.0/8}. */
    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
