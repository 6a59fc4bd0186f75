package dev.bookshop.bootstrap.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One free account trying to hold the shop's stock without paying, over HTTP against PostgreSQL with Stripe's API
 * faked on loopback (payments stay open until the customer confirms them): the per-line, per-order and pending-order
 * limits, and the per-account budgets of checkout and password change.
 */
class HoardingApiTest {

    private static final int CHECKOUTS_PER_MINUTE = 8;
    private static final int PASSWORD_CHANGES = 2;

    private static StripeShop shop;

    @BeforeAll
    static void start() {
        shop = StripeShop.start(Map.of(
                "RATE_LIMIT_CHECKOUT_PER_MINUTE", String.valueOf(CHECKOUTS_PER_MINUTE),
                "RATE_LIMIT_PASSWORD_CHANGE_PER_15_MINUTES", String.valueOf(PASSWORD_CHANGES)));
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    private static Response add(Customer customer, JsonNode book, int quantity) {
        return shop.app()
                .post(
                        "/api/v1/cart/add",
                        TestServer.json(Map.of("productId", book.get("id").asText(), "quantity", quantity)),
                        "Authorization",
                        customer.bearer());
    }

    private static long pendingOrders(Customer customer) {
        return shop.count("select count(*) from orders where user_id = ?::uuid and status = 'PENDING'", customer.id());
    }

    @Test
    void aCartLineHoldsAtMostFiftyCopiesWhateverTheStock() {
        Customer hoarder = shop.newCustomer();
        JsonNode shelf = shop.newBook("Whole Shelf", 900, 500);

        Response tooMany = add(hoarder, shelf, 51);
        Response fifty = add(hoarder, shelf, 50);
        Response oneMore = add(hoarder, shelf, 1);

        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.json().get("code").asText()).isEqualTo("QUANTITY_LIMIT_EXCEEDED");
        assertThat(tooMany.json().get("limit").asInt()).isEqualTo(50);
        assertThat(tooMany.json().get("productIds").get(0).asText())
                .isEqualTo(shelf.get("id").asText());
        assertThat(fifty.status()).as(fifty.toString()).isEqualTo(200);
        assertThat(oneMore.status()).as(oneMore.toString()).isEqualTo(409);
        assertThat(oneMore.json().get("code").asText()).isEqualTo("QUANTITY_LIMIT_EXCEEDED");
        assertThat(shop.stock(shelf)).isEqualTo(500);
    }

    @Test
    void anOrderOfMoreThanAHundredCopiesIsRefusedAndHoldsNothing() {
        Customer hoarder = shop.newCustomer();
        List<JsonNode> books = List.of(
                shop.newBook("Bulk A", 500, 60), shop.newBook("Bulk B", 500, 60), shop.newBook("Bulk C", 500, 60));
        shop.addToCart(hoarder, books.get(0), 50);
        shop.addToCart(hoarder, books.get(1), 50);
        shop.addToCart(hoarder, books.get(2), 1);

        Response checkout = shop.checkout(hoarder);

        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(409);
        assertThat(checkout.json().get("code").asText()).isEqualTo("ORDER_UNITS_LIMIT_EXCEEDED");
        assertThat(checkout.json().get("limit").asInt()).isEqualTo(100);
        assertThat(books).allSatisfy(book -> assertThat(shop.stock(book)).isEqualTo(60));
        assertThat(pendingOrders(hoarder)).isZero();
        assertThat(shop.stripe().intents()).noneMatch(i -> i.amount() == 101 * 500L);
    }

    @Test
    void aFourthUnpaidOrderIsRefusedUntilOneIsPaid() {
        Customer hoarder = shop.newCustomer();
        JsonNode book = shop.newBook("Three Holds", 700, 20);
        List<StripeShop.Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            purchases.add(shop.buy(hoarder, book, 1));
        }
        shop.addToCart(hoarder, book, 1);

        Response fourth = shop.checkout(hoarder);

        assertThat(fourth.status()).as(fourth.toString()).isEqualTo(409);
        assertThat(fourth.json().get("code").asText()).isEqualTo("TOO_MANY_PENDING_ORDERS");
        assertThat(fourth.json().get("limit").asInt()).isEqualTo(3);
        assertThat(shop.stock(book)).isEqualTo(17);
        assertThat(pendingOrders(hoarder)).isEqualTo(3);

        assertThat(shop.deliver(StripeShop.event("payment_intent.succeeded", purchases.getFirst()))
                        .status())
                .isEqualTo(200);
        Response afterPaying = shop.checkout(hoarder);

        assertThat(afterPaying.status()).as(afterPaying.toString()).isEqualTo(201);
        assertThat(pendingOrders(hoarder)).isEqualTo(3);
    }

    /**
     * At two unpaid orders, the customer fills the cart and checks out from several clients at once: the pending
     * orders are counted under the cart lock, so exactly one more order is placed and the customer ends at three.
     */
    @Test
    void concurrentCheckoutsAtTwoPendingOrdersNeverMakeMoreThanThree() throws Exception {
        Customer hoarder = shop.newCustomer();
        JsonNode book = shop.newBook("Race To Hold", 600, 100);
        shop.buy(hoarder, book, 1);
        shop.buy(hoarder, book, 1);
        int clients = CHECKOUTS_PER_MINUTE - 2;
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            attempts.add(() -> {
                go.await();
                Response added = add(hoarder, book, 1);
                assertThat(added.status()).as(added.toString()).isEqualTo(200);
                return shop.checkout(hoarder);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> attempt : attempts) {
                futures.add(pool.submit(attempt));
            }
            go.countDown();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().get("code").asText()).isIn("TOO_MANY_PENDING_ORDERS", "CART_EMPTY");
        });
        assertThat(pendingOrders(hoarder)).isEqualTo(3);
        int held = (int) shop.count(
                "select coalesce(sum(i.quantity), 0) from order_items i join orders o on o.id = i.order_id"
                        + " where o.user_id = ?::uuid and o.status = 'PENDING'",
                hoarder.id());
        assertThat(shop.stock(book)).isEqualTo(100 - held);
    }

    @Test
    void checkoutIsLimitedPerAccountAndReplaysWithOneKeyCountToo() {
        Customer buyer = shop.newCustomer();
        Customer other = shop.newCustomer();
        shop.addToCart(buyer, shop.newBook("Replayed", 800, 5), 1);
        String key = "checkout-" + UUID.randomUUID();
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < CHECKOUTS_PER_MINUTE + 1; i++) {
            answers.add(
                    shop.app().post("/api/v1/checkout", null, "Authorization", buyer.bearer(), "Idempotency-Key", key));
        }

        assertThat(answers.subList(0, CHECKOUTS_PER_MINUTE))
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        Response refused = answers.getLast();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        // Another account has its own budget.
        assertThat(shop.checkout(other).status()).isEqualTo(409);
    }

    @Test
    void passwordChangesAreLimitedPerAccountEvenWithTheRightPassword() {
        Customer victim = shop.newCustomer();
        String wrong = TestServer.json(Map.of("currentPassword", "not the password", "newPassword", "another pass 1"));
        String right = TestServer.json(Map.of("currentPassword", TestServer.PASSWORD, "newPassword", "another pass 2"));

        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < PASSWORD_CHANGES; i++) {
            guesses.add(shop.app()
                    .post("/api/v1/users/me/password", wrong, "Authorization", victim.bearer())
                    .status());
        }
        Response refused = shop.app().post("/api/v1/users/me/password", right, "Authorization", victim.bearer());

        assertThat(guesses).containsOnly(401);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        // The refused change changed nothing: the old password still logs in.
        assertThat(shop.app()
                        .post(
                                "/api/v1/auth/login",
                                TestServer.json(Map.of("email", victim.email(), "password", TestServer.PASSWORD)))
                        .status())
                .isEqualTo(200);
    }
}
