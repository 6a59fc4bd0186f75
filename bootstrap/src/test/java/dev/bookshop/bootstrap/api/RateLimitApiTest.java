package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.PASSWORD;
import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The credential-guessing budgets, on a server started with tight ones through the RATE_LIMIT_* variables: past the
 * budget, login, signup and refresh answer 429 with Retry-After. Accounts and sessions the tests need are made through
 * the use cases, so that only the requests under test spend the budgets.
 */
class RateLimitApiTest {

    private static Api api;
    private static UseCases shop;

    @BeforeAll
    static void start() {
        api = Api.start(Map.of(
                "RATE_LIMIT_LOGIN_PER_MINUTE", "4",
                "RATE_LIMIT_LOGIN_PER_EMAIL_PER_MINUTE", "2",
                "RATE_LIMIT_SIGNUP_PER_HOUR", "2",
                "RATE_LIMIT_REFRESH_PER_MINUTE", "2"));
        shop = api.server().server().useCases();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String account() {
        String email = Api.freshEmail();
        shop.signUp().signUp(Email.of(email), Password.chosen(PASSWORD));
        return email;
    }

    private static Response logIn(String email, String password) {
        return api.post(V1 + "/auth/login", Map.of("email", email, "password", password));
    }

    private static void assertLimited(Response refused, long maxWaitSeconds) {
        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, maxWaitSeconds);
    }

    @Test
    void loginIsLimitedPerEmailAndPerAddress() {
        String ann = account();
        String bob = account();

        assertThat(logIn(ann, "wrong password").status()).isEqualTo(401);
        assertThat(logIn(ann, PASSWORD).status()).isEqualTo(200);
        assertLimited(logIn(ann, PASSWORD), 60);
        // Another email still has its own budget, until the address has spent its own.
        assertThat(logIn(bob, PASSWORD).status()).isEqualTo(200);
        assertLimited(logIn(account(), PASSWORD), 60);
    }

    @Test
    void signupIsLimitedPerAddress() {
        for (int i = 0; i < 2; i++) {
            assertThat(api.post(V1 + "/auth/signup", Map.of("email", Api.freshEmail(), "password", PASSWORD))
                            .status())
                    .isEqualTo(201);
        }

        Response refused = api.post(V1 + "/auth/signup", Map.of("email", Api.freshEmail(), "password", PASSWORD));

        assertLimited(refused, 3600);
    }

    @Test
    void refreshIsLimitedPerAddress() {
        String ann = account();
        String token = shop.logIn().logIn(ann, PASSWORD).refreshToken();

        Response first = api.post(V1 + "/auth/refresh", Map.of("refreshToken", token));
        Response second = api.post(
                V1 + "/auth/refresh",
                Map.of("refreshToken", first.json().get("refreshToken").asText()));
        Response third = api.post(
                V1 + "/auth/refresh",
                Map.of("refreshToken", second.json().get("refreshToken").asText()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertLimited(third, 60);
    }
}
