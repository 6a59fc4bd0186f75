package dev.bookshop.bootstrap.hardening;

import static dev.bookshop.bootstrap.hardening.Http.V1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions refreshed while their owner changes the password, over real HTTP on PostgreSQL. A refresh and a password
 * change both lock the user and the user's tokens; taken in different orders, the two deadlocked and the loser
 * answered 500. Whatever the interleaving, the refreshes answer 200 or 401, the change answers 204, and no session
 * refreshed meanwhile outlives the new password.
 */
class SessionRacesApiTest {

    private static final int ROUNDS = 4;
    private static final int TABS = 6;
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = Http.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tabsRefreshingDuringAPasswordChangeNeverFailAndNoneOutlivesIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(TABS + 1);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Customer customer = server.newCustomer();
                List<String> tabs = new ArrayList<>();
                for (int tab = 0; tab < TABS; tab++) {
                    tabs.add(server.logIn(customer.email(), TestServer.PASSWORD, customer.id())
                            .refreshToken());
                }
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<Response> change = CompletableFuture.supplyAsync(
                        () -> after(
                                go,
                                () -> http.post(
                                        V1 + "/users/me/password",
                                        Map.of("currentPassword", TestServer.PASSWORD, "newPassword", NEW_PASSWORD),
                                        Http.auth(customer))),
                        pool);
                List<CompletableFuture<Response>> refreshes = new ArrayList<>();
                for (String token : tabs) {
                    refreshes.add(CompletableFuture.supplyAsync(
                            () -> after(go, () -> http.post(V1 + "/auth/refresh", Map.of("refreshToken", token))),
                            pool));
                }
                go.countDown();

                Response changed = change.get(60, TimeUnit.SECONDS);
                assertThat(changed.status()).as("round %d: %s", round, changed).isEqualTo(204);
                for (CompletableFuture<Response> refresh : refreshes) {
                    Response answer = refresh.get(60, TimeUnit.SECONDS);
                    assertThat(answer.status())
                            .as("round %d: %s", round, answer)
                            .isIn(200, 401);
                    if (answer.status() == 200) {
                        String successor = answer.json().get("refreshToken").asText();
                        assertThat(http.post(V1 + "/auth/refresh", Map.of("refreshToken", successor))
                                        .status())
                                .as("round %d: a session refreshed during the change outlived it", round)
                                .isEqualTo(401);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response after(CountDownLatch go, java.util.function.Supplier<Response> request) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return request.get();
    }
}
