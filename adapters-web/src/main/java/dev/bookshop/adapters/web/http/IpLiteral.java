package dev.bookshop.adapters.web.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict parsing of IP address literals, never a DNS lookup: what a forwarded-for header or a setting says is text
 * from outside, and a name in it must not make the server ask a resolver (slow, and a lookup an attacker chooses).
 */
final class IpLiteral {

    /** Four decimal parts from 0 to 255, without leading zeros (which some parsers read as octal). */
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private static final int MAX_PORT = 65_535;

    private IpLiteral() {}

    /**
     * An address written as {@code 192.0.2.1} or {@code 2001:db8::1}, nothing else: no brackets, port, zone or
     * name. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) comes back as its IPv4 address.
     */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (IPV4.matcher(text).matches()) {
            return literal(text);
        }
        // A text with a colon is only ever read as an IPv6 literal by InetAddress, never looked up as a name.
        if (text.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(text).matches()) {
            return literal(text);
        }
        return Optional.empty();
    }

    /**
     * An entry of an {@code X-Forwarded-For} list: an address as {@link #parse} reads it, or one with a port as some
     * proxies write it ({@code 192.0.2.1:5678}, {@code [2001:db8::1]:443}, {@code [2001:db8::1]}); the port is
     * dropped.
     */
    static Optional<InetAddress> parseForwarded(String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String text = entry.strip();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String rest = text.substring(close + 1);
            if (!rest.isEmpty() && !(rest.startsWith(":") && isPort(rest.substring(1)))) {
                return Optional.empty();
            }
            String inside = text.substring(1, close);
            return inside.indexOf(':') >= 0 ? parse(inside) : Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && colon == text.lastIndexOf(':')) {
            String host = text.substring(0, colon);
            return IPV4.matcher(host).matches() && isPort(text.substring(colon + 1)) ? literal(host) : Optional.empty();
        }
        return parse(text);
    }

    /** The connection's peer as the servlet container gives it, which may carry brackets or an IPv6 zone. */
    static Optional<InetAddress> parsePeer(String remoteAddress) {
        if (remoteAddress == null) {
            return Optional.empty();
        }
        String text = remoteAddress.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return parse(text);
    }

    private static boolean isPort(String text) {
        return PORT.matcher(text).matches() && Integer.parseInt(text) <= MAX_PORT;
    }

    private static Optional<InetAddress> literal(String checked) {
        try {
            return Optional.of(InetAddress.getByName(checked));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
