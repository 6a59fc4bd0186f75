package dev.bookshop.bootstrap.hardening;

import static dev.bookshop.bootstrap.hardening.Http.V1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password guessing and stolen tokens, beyond what RateLimitApiTest, AuthApiTest and TokenTamperingApiTest cover: the
 * login budgets cannot be dodged by rotating addresses, spoofing X-Forwarded-For or re-spelling the email; a lock-out
 * is a rate and ends by itself; and tokens replayed after the events that should end them are refused.
 *
 * <p>Every test speaks from its own loopback address (127.0.0.x) so the per-address budgets do not leak between
 * tests. Budgets here: 12 logins a minute per address (one back every five seconds) and 6 per email (one back every
 * ten seconds), small enough that an attack spends them long before any comes back.
 */
class CredentialAbuseApiTest {

    private static final int PER_EMAIL = 6;
    private static final int PER_ADDRESS = 12;

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "RATE_LIMIT_LOGIN_PER_MINUTE", Integer.toString(PER_ADDRESS),
                "RATE_LIMIT_LOGIN_PER_EMAIL_PER_MINUTE", Integer.toString(PER_EMAIL)));
        http = Http.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An account made through the use case, so that no login budget is spent on it. */
    private static String account() {
        String email = Http.freshEmail();
        server.server().useCases().signUp().signUp(Email.of(email), Password.chosen(TestServer.PASSWORD));
        return email;
    }

    private static Response logIn(Http client, String email, String password, String... headers) {
        return client.judged("POST", V1 + "/auth/login", Map.of("email", email, "password", password), headers);
    }

    private static void assertLimited(Response refused) {
        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void guessingOneAccountFromManyAddressesStillRunsOutOfItsBudget() {
        String ann = account();
        String[] attackers = {"127.0.0.11", "127.0.0.12", "127.0.0.13"};

        for (int i = 0; i < PER_EMAIL; i++) {
            Http attacker = http.from(attackers[i % attackers.length]);
            assertThat(logIn(attacker, ann, "guess " + i).status()).isEqualTo(401);
        }

        assertLimited(logIn(http.from("127.0.0.14"), ann, "one more guess"));
        assertLimited(logIn(http.from("127.0.0.15"), ann, TestServer.PASSWORD));
    }

    @Test
    void reSpellingTheEmailDoesNotOpenAFreshBudget() {
        String bob = account();
        Http attacker = http.from("127.0.0.21");
        String[] spellings = {bob.toUpperCase(Locale.ROOT), "  " + bob + " ", capitalised(bob), bob + "\t"};

        for (int i = 0; i < PER_EMAIL; i++) {
            Response guess = logIn(attacker, spellings[i % spellings.length], "guess " + i);
            assertThat(guess.status()).as("%s", guess).isEqualTo(401);
        }

        assertLimited(logIn(attacker, bob, "one more guess"));
    }

    @Test
    void manyAccountsFromOneAddressRunOutOfTheAddressBudgetWhateverForwardedForSays() {
        Http attacker = http.from("127.0.0.31");
        for (int i = 0; i < PER_ADDRESS; i++) {
            Response guess = logIn(attacker, Http.freshEmail(), "guess", "X-Forwarded-For", "203.0.113." + i);
            assertThat(guess.status()).as("%s", guess).isEqualTo(401);
        }

        assertLimited(logIn(attacker, account(), TestServer.PASSWORD, "X-Forwarded-For", "198.51.100.7"));
        assertLimited(logIn(attacker, account(), TestServer.PASSWORD, "Forwarded", "for=198.51.100.8"));
        assertThat(logIn(http.from("127.0.0.32"), account(), TestServer.PASSWORD)
                        .status())
                .as("another client has its own budget")
                .isEqualTo(200);
    }

    @Test
    void aLockOutIsARateThatEndsAndTheRightPasswordThenWorks() {
        String carol = account();
        Http attacker = http.from("127.0.0.41");
        for (int i = 0; i < PER_EMAIL; i++) {
            logIn(attacker, carol, "guess " + i);
        }
        Response locked = logIn(http.from("127.0.0.42"), carol, TestServer.PASSWORD);
        assertLimited(locked);

        // Six a minute come back one every ten seconds; Retry-After says when. A bounded wait, not a timing check.
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertThat(retryAfter).isLessThanOrEqualTo(10);
        FaultsUnderLoadTest.eventually(
                Duration.ofSeconds(retryAfter + 5),
                () -> assertThat(logIn(http.from("127.0.0.42"), carol, TestServer.PASSWORD)
                                .status())
                        .isEqualTo(200));
    }

    @Test
    void aRefreshTokenFromBeforeADeactivationStaysDeadAfterReactivation() {
        String dan = account();
        Http client = http.from("127.0.0.51");
        Customer session = client.logIn(dan, TestServer.PASSWORD);
        Customer admin = client.admin();
        String id = session.id();

        client.patch(V1 + "/admin/users/" + id, Map.of("active", false), Http.auth(admin));
        client.patch(V1 + "/admin/users/" + id, Map.of("active", true), Http.auth(admin));
        Response replay = client.post(V1 + "/auth/refresh", Map.of("refreshToken", session.refreshToken()));

        assertThat(replay.status()).as("%s", replay).isEqualTo(401);
        assertThat(replay.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(client.logIn(dan, TestServer.PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void anAccessTokenOutlivesLogoutAndPasswordChangeUntilItExpiresAsDocumented() {
        // Logout revokes the refresh token; a password change revokes every refresh token. Access tokens
        // are stateless JWTs and live out their (15-minute) lifetime; docs/SECURITY.md lists this as accepted.
        String erin = account();
        Http client = http.from("127.0.0.52");
        Customer session = client.logIn(erin, TestServer.PASSWORD);

        client.post(V1 + "/auth/logout", Map.of("refreshToken", session.refreshToken()));
        client.post(
                V1 + "/users/me/password",
                Map.of("currentPassword", TestServer.PASSWORD, "newPassword", "a brand new password"),
                Http.auth(session));

        assertThat(client.post(V1 + "/auth/refresh", Map.of("refreshToken", session.refreshToken()))
                        .status())
                .isEqualTo(401);
        assertThat(client.get(V1 + "/users/me", Http.auth(session)).status()).isEqualTo(200);
        assertThat(logIn(client, erin, TestServer.PASSWORD).status()).isEqualTo(401);
    }

    private static String capitalised(String email) {
        return Character.toUpperCase(email.charAt(0)) + email.substring(1);
    }
}
