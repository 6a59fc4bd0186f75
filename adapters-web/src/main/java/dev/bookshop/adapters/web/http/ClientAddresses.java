package dev.bookshop.adapters.web.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who the client of a request is, worked out once per request before any handler needs it (rate limits, the metrics
 * guard). A connection from one of the {@link TrustedProxies} is a proxy speaking for someone, who is named in
 * {@code X-Forwarded-For}; any other connection is the client itself, whatever its headers say, because a client can
 * write any header it likes.
 *
 * <p>Every proxy appends the address it received the request from to the header, so the list is read from the right,
 * across every header line in order: entries inside the trusted blocks are the operator's own proxies and are
 * skipped; the first entry outside them is the client. When every entry is trusted the left-most one is the client. An
 * entry that is no IP literal (a name, {@code unknown}, an obfuscated identifier) ends the walk: nothing to its left
 * can be believed, so the last trusted hop, the proxy that wrote it, is the client.
 */
public final class ClientAddresses {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final String ATTRIBUTE = "bookshop.clientAddress";

    private final TrustedProxies trusted;

    public ClientAddresses(TrustedProxies trusted) {
        this.trusted = Objects.requireNonNull(trusted);
    }

    /** A before-handler: resolves the request's client and keeps it for {@link #of}. */
    public void remember(Context ctx) {
        ctx.attribute(
                ATTRIBUTE,
                resolve(
                        ctx.req().getRemoteAddr(),
                        () -> Collections.list(ctx.req().getHeaders(FORWARDED_FOR))));
    }

    /**
     * The client {@link #remember} resolved for this request; {@link ClientAddress#UNKNOWN} if it never ran, which
     * the loopback rule refuses and the limiter keys as one shared budget: failing closed.
     */
    public static ClientAddress of(Context ctx) {
        ClientAddress client = ctx.attribute(ATTRIBUTE);
        return client == null ? ClientAddress.UNKNOWN : client;
    }

    /**
     * @param peer the connection's peer address, as the servlet container gives it
     * @param forwardedFor every {@code X-Forwarded-For} header line of the request, in order; only asked for when the
     *     peer is trusted
     */
    public ClientAddress resolve(String peer, Supplier<List<String>> forwardedFor) {
        Optional<InetAddress> peerAddress = IpLiteral.parsePeer(peer);
        if (peerAddress.isEmpty()) {
            return ClientAddress.UNKNOWN;
        }
        InetAddress hop = peerAddress.get();
        if (trusted.isEmpty() || !trusted.contains(hop)) {
            return ClientAddress.of(hop);
        }
        List<String> entries = entries(forwardedFor.get());
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> entry = IpLiteral.parseForwarded(entries.get(i));
            if (entry.isEmpty()) {
                return ClientAddress.of(hop);
            }
            hop = entry.get();
            if (!trusted.contains(hop)) {
                return ClientAddress.of(hop);
            }
        }
        return ClientAddress.of(hop);
    }

    /** The entries of every line, left to right; a blank line adds none, a blank entry inside a list is one. */
    private static List<String> entries(List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            if (line == null || line.isBlank()) {
                continue;
            }
            Collections.addAll(entries, line.split(",", -1));
        }
        return entries;
    }
}
