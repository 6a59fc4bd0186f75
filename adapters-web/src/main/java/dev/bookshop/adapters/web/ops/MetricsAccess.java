package dev.bookshop.adapters.web.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may read {@code /metrics}. The scrape names routes, pool sizes, order counts and payment outcomes: nothing a
 * customer owns, but a map of the shop and its traffic that the internet has no business reading. With a token
 * configured, a scraper must send it as a bearer token, from any address; without one, only a client on this
 * machine (a loopback address) is served, so a scraper must run beside the shop or be given a token.
 */
public final class MetricsAccess {

    /** The answer for one request. */
    public enum Decision {
        ALLOW,
        /** A token is configured and the request did not carry it: 401. */
        UNAUTHENTICATED,
        /** No token is configured and the request did not come from a loopback address: 403. */
        FORBIDDEN
    }

    private static final String BEARER = "Bearer ";

    /** Only an IP literal is ever parsed, so the decision never waits for a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final Optional<byte[]> token;

    public MetricsAccess(Optional<String> token) {
        this.token = Objects.requireNonNull(token).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @param remoteAddress the connection's peer address as an IP literal (never a forwarded-for header)
     */
    public Decision decide(String authorization, String remoteAddress) {
        if (token.isPresent()) {
            return carriesToken(authorization) ? Decision.ALLOW : Decision.UNAUTHENTICATED;
        }
        return isLoopback(remoteAddress) ? Decision.ALLOW : Decision.FORBIDDEN;
    }

    private boolean carriesToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] offered = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // Constant time in the offered bytes, so response times do not reveal how much of a guess was right.
        return MessageDigest.isEqual(offered, token.get());
    }

    static boolean isLoopback(String remoteAddress) {
        if (remoteAddress == null) {
            return false;
        }
        String address = remoteAddress.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (!IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
