package dev.bookshop.adapters.web.ops;

import dev.bookshop.adapters.web.http.ClientAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may read {@code /metrics}. The scrape names routes, pool sizes, order counts and payment outcomes: nothing a
 * customer owns, but a map of the shop and its traffic that the internet has no business reading. With a token
 * configured, a scraper must send it as a bearer token, from any address; without one, only a client on this
 * machine (a loopback address) is served, so a scraper must run beside the shop or be given a token. The client is
 * the resolved one: a request a trusted proxy on this machine forwards for an internet client is not loopback.
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

    private final Optional<byte[]> token;

    public MetricsAccess(Optional<String> token) {
        this.token = Objects.requireNonNull(token).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @param client the request's client as resolved from the connection and a trusted proxy's forwarded-for header:
     *     behind a proxy on this machine the peer is always loopback, the client is not
     */
    public Decision decide(String authorization, ClientAddress client) {
        if (token.isPresent()) {
            return carriesToken(authorization) ? Decision.ALLOW : Decision.UNAUTHENTICATED;
        }
        return client.isLoopback() ? Decision.ALLOW : Decision.FORBIDDEN;
    }

    private boolean carriesToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] offered = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // Constant time in the offered bytes, so response times do not reveal how much of a guess was right.
        return MessageDigest.isEqual(offered, token.get());
    }
}
