package dev.bookshop.bootstrap.hardening;

import static dev.bookshop.bootstrap.hardening.Http.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customers and admins turned against each other, beyond the authorisation matrix: request fields that name another
 * customer are ignored, two admins demoting or deactivating each other at the same instant never leave the shop
 * without one, and email addresses that look alike are exactly as distinct as the rules say.
 */
class AccountAbuseApiTest {

    private static TestServer server;
    private static Http http;
    private static Customer admin;
    private static ShopState state;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = Http.of(server);
        admin = http.admin();
        state = new ShopState(server.database().dataSource());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- another customer's cart and orders ----

    @Test
    void fieldsNamingAnotherCustomerAreIgnoredByCartCheckoutAndOrders() {
        Customer ann = http.newCustomer();
        Customer mallory = http.newCustomer();
        String annsBook = http.newBook(admin, 1200, 10).get("id").asText();
        String mallorysBook = http.newBook(admin, 800, 10).get("id").asText();
        http.post(V1 + "/cart/add", Map.of("productId", annsBook, "quantity", 2), Http.auth(ann));
        String annsOrder = http.post(V1 + "/checkout", null, Http.auth(ann))
                .json()
                .at("/order/id")
                .asText();
        http.post(V1 + "/cart/add", Map.of("productId", annsBook, "quantity", 1), Http.auth(ann));
        String annsCart = state.single("select id::text from carts where user_id = '" + ann.id() + "'");

        Response add = http.post(
                V1 + "/cart/add",
                Map.of("productId", mallorysBook, "quantity", 1, "userId", ann.id(), "cartId", annsCart),
                "Authorization",
                mallory.bearer(),
                "X-User-Id",
                ann.id());
        Response remove =
                http.post(V1 + "/cart/remove", Map.of("productId", annsBook, "userId", ann.id()), Http.auth(mallory));
        Response cart = http.get(V1 + "/cart?userId=" + ann.id(), Http.auth(mallory));
        Response orders = http.get(V1 + "/orders/me?userId=" + ann.id(), Http.auth(mallory));
        Response order = http.get(V1 + "/orders/" + annsOrder, Http.auth(mallory));
        Response checkout = http.judged(
                "POST", V1 + "/checkout", Map.of("userId", ann.id()), Http.auth(mallory)[0], Http.auth(mallory)[1]);

        assertThat(add.json().get("items").findValuesAsText("productId")).containsExactly(mallorysBook);
        assertThat(remove.status()).as("Ann's line is not in Mallory's cart").isEqualTo(404);
        assertThat(cart.json().get("items").findValuesAsText("productId")).containsExactly(mallorysBook);
        assertThat(orders.json().get("total").asLong()).isZero();
        assertThat(order.status()).isEqualTo(404);
        assertThat(checkout.status()).as("%s", checkout).isEqualTo(201);
        assertThat(checkout.json().at("/order/items/0/productId").asText()).isEqualTo(mallorysBook);
        JsonNode annsCartNow = http.get(V1 + "/cart", Http.auth(ann)).json();
        assertThat(annsCartNow.get("items")).hasSize(1);
        assertThat(annsCartNow.at("/items/0/productId").asText()).isEqualTo(annsBook);
        assertThat(annsCartNow.at("/items/0/quantity").asInt()).isEqualTo(1);
        assertThat(http.get(V1 + "/orders/me", Http.auth(ann))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    // ---- the last admin ----

    @Test
    void twoAdminsDemotingOrDeactivatingEachOtherAtOnceNeverBothSucceed() throws Exception {
        ExecutorService pair = Executors.newFixedThreadPool(2);
        try {
            List<String> outcomes = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                Customer first = newAdmin();
                Customer second = newAdmin();
                leaveOnlyAdmins(first, second);
                Map<String, Object> change = round % 2 == 0 ? Map.of("role", "USER") : Map.of("active", false);
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Response> byFirst = CompletableFuture.supplyAsync(
                        () -> at(
                                together,
                                () -> http.patch(V1 + "/admin/users/" + second.id(), change, Http.auth(first))),
                        pair);
                CompletableFuture<Response> bySecond = CompletableFuture.supplyAsync(
                        () -> at(
                                together,
                                () -> http.patch(V1 + "/admin/users/" + first.id(), change, Http.auth(second))),
                        pair);
                Response a = byFirst.get(30, TimeUnit.SECONDS);
                Response b = bySecond.get(30, TimeUnit.SECONDS);

                List<Integer> statuses = List.of(a.status(), b.status());
                assertThat(statuses).as("round %d: %s / %s", round, a, b).containsOnlyOnce(200);
                Response refused = a.status() == 200 ? b : a;
                assertThat(refused.status()).isIn(403, 409);
                // The loser is refused as the last admin, or, when the winner committed first, as no admin at all.
                assertThat(refused.json().get("code").asText()).isIn("LAST_ADMIN", "NOT_ADMIN");
                assertThat(activeAdmins()).as("round %d", round).isEqualTo(1);
                outcomes.add(refused.json().get("code").asText());
                Customer survivor = a.status() == 200 ? first : second;
                restoreShopAdmin(survivor);
            }
            System.out.println("AccountAbuseApiTest: mutual demotions refused as " + outcomes);
        } finally {
            pair.shutdownNow();
        }
    }

    private static Customer newAdmin() {
        Customer customer = http.newCustomer();
        http.patch(V1 + "/admin/users/" + customer.id(), Map.of("role", "ADMIN"), Http.auth(http.admin()));
        return http.logIn(customer.email(), TestServer.PASSWORD);
    }

    /** Demotes every active admin but the two, the shop's own admin included, so that the two are the last. */
    private static void leaveOnlyAdmins(Customer first, Customer second) {
        List<String> others = new ArrayList<>();
        state.rows(
                "select id::text from users where role = 'ADMIN' and active and id not in ('" + first.id() + "', '"
                        + second.id() + "')",
                rs -> others.add(rs.getString(1)));
        for (String other : others) {
            http.patch(V1 + "/admin/users/" + other, Map.of("role", "USER"), Http.auth(first));
        }
        assertThat(activeAdmins()).isEqualTo(2);
    }

    /** Puts the shop's own admin back (active, ADMIN) so that other tests and rounds can use it. */
    private static void restoreShopAdmin(Customer survivor) {
        String shopAdmin = state.single("select id::text from users where email = '" + TestServer.ADMIN_EMAIL + "'");
        http.patch(V1 + "/admin/users/" + shopAdmin, Map.of("role", "ADMIN", "active", true), Http.auth(survivor));
    }

    private static long activeAdmins() {
        return Long.parseLong(state.single("select count(*) from users where role = 'ADMIN' and active"));
    }

    private static <T> T at(CyclicBarrier barrier, java.util.function.Supplier<T> action) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return action.get();
    }

    // ---- email addresses ----

    @Test
    void unusualButValidAddressesWork() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (String email : List.of(
                "reader+books-" + tag + "@example.com",
                "reader-" + tag + "@mail.shop.example.co.uk",
                "o'brien." + tag + "@example.com",
                "rené-" + tag + "@example.com",
                "читатель-" + tag + "@example.com",
                "読者-" + tag + "@example.com",
                "reader-" + tag + "@exämple.com")) {
            Response signup = http.post(V1 + "/auth/signup", Map.of("email", email, "password", TestServer.PASSWORD));
            assertThat(signup.status()).as("%s: %s", email, signup).isEqualTo(201);
            assertThat(http.logIn(email, TestServer.PASSWORD).id())
                    .isEqualTo(signup.json().get("id").asText());
        }
    }

    @Test
    void caseVariantsAreOneAccountAndLookAlikesAreNot() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ann = "Änn.Lee-" + tag + "@Example.COM";
        Response created = http.post(V1 + "/auth/signup", Map.of("email", ann, "password", TestServer.PASSWORD));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asText();

        // Case is folded (Unicode-aware): the same account, whichever way it is typed.
        assertThat(http.post(V1 + "/auth/signup", Map.of("email", ann.toLowerCase(), "password", "other password"))
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("EMAIL_TAKEN");
        assertThat(http.logIn(ann.toUpperCase(), TestServer.PASSWORD).id()).isEqualTo(id);

        // Dots, plus tags and composed/decomposed accents are not folded: each look-alike is its own account, and
        // one's password opens none of the others.
        String local = "änn.lee-" + tag;
        List<String> lookAlikes = List.of(
                local.replace(".", "") + "@example.com",
                local + "+shop@example.com",
                "a\u0308nn.lee-" + tag + "@example.com",
                local + "@example.co");
        for (String lookAlike : lookAlikes) {
            Response other =
                    http.post(V1 + "/auth/signup", Map.of("email", lookAlike, "password", "look-alike password"));
            assertThat(other.status()).as("%s: %s", lookAlike, other).isEqualTo(201);
            assertThat(other.json().get("id").asText()).isNotEqualTo(id);
            assertThat(http.judged(
                                    "POST",
                                    V1 + "/auth/login",
                                    Map.of("email", lookAlike, "password", TestServer.PASSWORD))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(http.judged("POST", V1 + "/auth/login", Map.of("email", ann, "password", "look-alike password"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theTurkishDottedCapitalIFoldsTheSameInTheShopAndInPostgres() {
        // Java lower-cases U+0130 to "i" plus a combining dot; the schema checks email = lower(email) in PostgreSQL.
        String email = "\u0130stanbul-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        Response signup = http.post(V1 + "/auth/signup", Map.of("email", email, "password", TestServer.PASSWORD));

        assertThat(signup.status()).as("%s", signup).isIn(201, 422);
        if (signup.status() == 201) {
            assertThat(http.logIn(email, TestServer.PASSWORD).id())
                    .isEqualTo(signup.json().get("id").asText());
        }
    }
}
