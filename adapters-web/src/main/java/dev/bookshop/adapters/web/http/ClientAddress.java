package dev.bookshop.adapters.web.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The address of the client a request comes from, as {@link ClientAddresses} resolved it: the connection's peer, or
 * behind a trusted proxy the client it forwards for. Empty when the peer is no IP address at all (a connection over a
 * local socket), which no address rule matches.
 */
public record ClientAddress(Optional<InetAddress> address) {

    /** One IPv6 customer network: providers hand a home or a server at least a /64, so its addresses are one client. */
    static final int IPV6_CLIENT_PREFIX = 64;

    public static final ClientAddress UNKNOWN = new ClientAddress(Optional.empty());

    public ClientAddress {
        Objects.requireNonNull(address, "address");
    }

    public static ClientAddress of(InetAddress address) {
        return new ClientAddress(Optional.of(address));
    }

    /**
     * The key of this client's rate-limit budgets: an IPv4 address as it is (IPv4-mapped IPv6 ones included), an IPv6
     * address by its /64 network, so that rotating through the addresses of one network opens no new budget.
     */
    public String rateLimitKey() {
        if (address.isEmpty()) {
            return "unknown";
        }
        InetAddress ip = address.get();
        if (ip instanceof Inet6Address) {
            byte[] network = AddressBlock.masked(ip.getAddress(), IPV6_CLIENT_PREFIX);
            return AddressBlock.literal(network).getHostAddress() + "/" + IPV6_CLIENT_PREFIX;
        }
        return ip.getHostAddress();
    }

    public boolean isLoopback() {
        return address.map(InetAddress::isLoopbackAddress).orElse(false);
    }

    @Override
    public String toString() {
        return address.map(InetAddress::getHostAddress).orElse("unknown");
    }
}
