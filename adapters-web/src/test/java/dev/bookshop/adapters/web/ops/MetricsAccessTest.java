package dev.bookshop.adapters.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.web.http.ClientAddress;
import dev.bookshop.adapters.web.http.ClientAddresses;
import dev.bookshop.adapters.web.http.TrustedProxies;
import dev.bookshop.adapters.web.ops.MetricsAccess.Decision;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may scrape {@code /metrics}, decided from the request's Authorization header and its client's address. */
class MetricsAccessTest {

    private static final String TOKEN = "scraper-token-0123456789";

    private final MetricsAccess withToken = new MetricsAccess(Optional.of(TOKEN));
    private final MetricsAccess withoutToken = new MetricsAccess(Optional.empty());

    /** The client of a direct connection from {@code peer}, as the request's before-handler resolves it. */
    private static ClientAddress client(String peer) {
        return new ClientAddresses(TrustedProxies.none()).resolve(peer, List::of);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "192.0.2.2", "203.0.113.9", "2001:db8::1"})
    void withATokenTheRightBearerTokenIsServedFromAnyAddress(String address) {
        assertThat(withToken.decide("Bearer " + TOKEN, client(address))).isEqualTo(Decision.ALLOW);
        assertThat(withToken.decide("bearer " + TOKEN, client(address))).isEqualTo(Decision.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Bearer ",
                "Bearer scraper-token-012345678",
                "Bearer scraper-token-01234567890",
                "Bearer SCRAPER-TOKEN-0123456789",
                "Basic c2NyYXBlcjp0b2tlbg==",
                "scraper-token-0123456789"
            })
    void withATokenAnythingElseIsUnauthenticatedEvenFromLoopback(String authorization) {
        assertThat(withToken.decide(authorization, client("127.0.0.1"))).isEqualTo(Decision.UNAUTHENTICATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.53"})
    void withATokenNoHeaderIsUnauthenticated(String address) {
        assertThat(withToken.decide(null, client(address))).isEqualTo(Decision.UNAUTHENTICATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    void withoutATokenLoopbackClientsAreServed(String address) {
        assertThat(withoutToken.decide(null, client(address))).isEqualTo(Decision.ALLOW);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "192.0.2.2",
                "10.0.0.5",
                "203.0.113.9",
                "0.0.0.0",
                "2001:db8::1",
                "::ffff:10.0.0.5",
                "localhost",
                "127.0.0.1.example.com",
                "''",
                "null"
            })
    void withoutATokenAnyOtherClientIsForbiddenWhateverItSends(String address) {
        assertThat(withoutToken.decide(null, client(address))).isEqualTo(Decision.FORBIDDEN);
        assertThat(withoutToken.decide("Bearer " + TOKEN, client(address))).isEqualTo(Decision.FORBIDDEN);
    }
}
