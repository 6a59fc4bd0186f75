package dev.bookshop.adapters.web.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The address blocks of the operator's own reverse proxies and load balancers: only a connection from one of them may
 * say, in {@code X-Forwarded-For}, whom it forwards for. Empty (the default): nobody may, and the connection's peer is
 * the client.
 */
public record TrustedProxies(List<AddressBlock> blocks) {

    public TrustedProxies {
        blocks = List.copyOf(blocks);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Reads a comma-separated list of blocks ({@code 10.0.0.0/8, 2001:db8::/32, 127.0.0.1}); blank entries are
     * skipped.
     *
     * @throws IllegalArgumentException naming the first entry that is not a block, and why
     */
    public static TrustedProxies parse(String commaSeparated) {
        List<AddressBlock> blocks = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                blocks.add(AddressBlock.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not an address or CIDR block: " + e.getMessage());
            }
        }
        return new TrustedProxies(blocks);
    }

    public boolean contains(InetAddress address) {
        for (AddressBlock block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    @Override
    public String toString() {
        return blocks.isEmpty()
                ? "none"
                : blocks.stream().map(AddressBlock::toString).collect(Collectors.joining(", "));
    }
}
