package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.bootstrap.TestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client address behind a reverse proxy, over real HTTP: the test client connects from 127.0.0.1, which the
 * server is told is its proxy (TRUSTED_PROXIES=127.0.0.1/32), and names the client it "forwards for" in
 * X-Forwarded-For. Each test uses addresses of its own, so the tight login budgets of one do not spill into another.
 */
class ClientAddressApiTest {

    private static final int LOGINS_PER_ADDRESS = 3;
    private static final Map<String, String> TIGHT_LOGIN_BUDGETS = Map.of(
            "RATE_LIMIT_LOGIN_PER_MINUTE",
            Integer.toString(LOGINS_PER_ADDRESS),
            "RATE_LIMIT_LOGIN_PER_EMAIL_PER_MINUTE",
            "2");

    private static Api api;

    @BeforeAll
    static void start() {
        Map<String, String> env = new java.util.HashMap<>(TIGHT_LOGIN_BUDGETS);
        env.put("TRUSTED_PROXIES", "127.0.0.1/32");
        api = Api.start(env);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A failed login for a fresh email, as the proxy forwards it for {@code client}. */
    private static Response guess(Api on, String forwardedFor) {
        return on.post(
                V1 + "/auth/login",
                Map.of("email", Api.freshEmail(), "password", "a guess"),
                "X-Forwarded-For",
                forwardedFor);
    }

    private static void spendTheAddressBudget(Api on, String forwardedFor) {
        for (int i = 0; i < LOGINS_PER_ADDRESS; i++) {
            assertThat(guess(on, forwardedFor).status()).isEqualTo(401);
        }
    }

    private static void assertLimited(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(429);
        assertThat(response.json().get("code").asText()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void twoClientsForwardedByATrustedProxyHaveTheirOwnLoginBudgets() {
        spendTheAddressBudget(api, "203.0.113.10");

        assertLimited(guess(api, "203.0.113.10"));
        assertThat(guess(api, "203.0.113.11").status()).isEqualTo(401);
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnoredAndEveryoneSharesTheConnectionsBudget() {
        try (Api direct = Api.start(TIGHT_LOGIN_BUDGETS)) {
            spendTheAddressBudget(direct, "203.0.113.20");

            assertLimited(guess(direct, "203.0.113.21"));
            assertLimited(guess(direct, "198.51.100.99"));
        }
    }

    @Test
    void whatAClientWritesLeftOfTheProxysEntryOpensNoBudget() {
        // The proxy appends the address it saw; whatever the client put in the header stays to the left of it.
        for (int i = 0; i < LOGINS_PER_ADDRESS; i++) {
            assertThat(guess(api, "192.0.2." + i + ", 203.0.113.30").status()).isEqualTo(401);
        }

        assertLimited(guess(api, "192.0.2.99, 203.0.113.30"));
        assertLimited(guess(api, "192.0.2.100, 203.0.113.30, 127.0.0.1"));
    }

    @Test
    void ipv6ClientsOfOneSlash64ShareABudget() {
        assertThat(guess(api, "2001:db8:30:1::1").status()).isEqualTo(401);
        assertThat(guess(api, "2001:db8:30:1::2").status()).isEqualTo(401);
        assertThat(guess(api, "2001:db8:30:1:ffff:ffff:ffff:ffff").status()).isEqualTo(401);

        assertLimited(guess(api, "2001:db8:30:1:abcd::4"));
        assertThat(guess(api, "2001:db8:30:2::1").status()).as("the next /64").isEqualTo(401);
    }

    @Test
    void aMegabyteEmailDoesNotBecomeAKeyOfItsOwn() {
        // Two emails that differ only past the longest valid address share the per-email budget of two; uncut, each
        // would be a megabyte key with a budget of its own.
        String prefix = "x".repeat(1_000_000);
        for (int i = 0; i < 2; i++) {
            Response refused = api.post(
                    V1 + "/auth/login",
                    Map.of("email", prefix + i + "@example.com", "password", "a guess"),
                    "X-Forwarded-For",
                    "203.0.113.40");
            assertThat(refused.status()).as("%s", refused).isNotEqualTo(429);
        }

        assertLimited(api.post(
                V1 + "/auth/login",
                Map.of("email", prefix + "2@example.com", "password", "a guess"),
                "X-Forwarded-For",
                "203.0.113.40"));
    }

    @Test
    void metricsThroughATrustedProxyOnThisMachineAreForTheMachineOnly() {
        Response forwarded = api.get("/metrics", "X-Forwarded-For", "203.0.113.50");

        assertThat(forwarded.status()).isEqualTo(403);
        assertThat(forwarded.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(forwarded.body()).doesNotContain("jvm_");
        assertThat(api.get("/metrics", "X-Forwarded-For", "198.51.100.1, 127.0.0.1")
                        .status())
                .as("the right-most untrusted entry is the client")
                .isEqualTo(403);
        assertThat(api.get("/metrics").status()).as("a scraper on this machine").isEqualTo(200);
        assertThat(api.get("/metrics", "X-Forwarded-For", "127.0.0.1").status())
                .as("a local client through the local proxy")
                .isEqualTo(200);
    }
}
