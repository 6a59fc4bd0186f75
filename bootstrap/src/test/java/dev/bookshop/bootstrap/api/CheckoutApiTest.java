package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Api.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Checkout and the customer's orders over HTTP, with the fake payment provider that approves at once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckoutApiTest {

    static Api api;

    /** The variables the server runs with beyond the test defaults; a subclass names another adapter here. */
    Map<String, String> environment() {
        return Map.of();
    }

    // Instance methods: a subclass that names another adapter still starts one server, not this one and its own.
    @BeforeAll
    void start() {
        api = Api.start(environment());
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static String id(JsonNode node) {
        return node.get("id").asText();
    }

    @Test
    void checkoutPlacesAPaidOrderTakesTheStockAndEmptiesTheCart() {
        Session ann = api.newCustomer();
        JsonNode hobbit = api.newBook(1250, 5);
        JsonNode dune = api.newBook(999, 2);
        api.added(ann, id(hobbit), 2);
        api.added(ann, id(dune), 1);

        Response checkout = api.checkout(ann);

        assertThat(checkout.status()).isEqualTo(201);
        assertThat(checkout.header("Idempotent-Replayed")).isNull();
        JsonNode order = checkout.json().get("order");
        assertThat(order.get("status").asText()).isEqualTo("PAID");
        assertThat(order.get("totalCents").asLong()).isEqualTo(2 * 1250 + 999);
        assertThat(order.get("currency").asText()).isEqualTo("EUR");
        assertThat(order.get("paidAt").isTextual()).isTrue();
        assertThat(order.get("items")).hasSize(2);
        // This shop has no shipping method: it sells as it always did, untaxed and shipped nowhere.
        assertThat(order.get("subtotalCents").asLong()).isEqualTo(2 * 1250 + 999);
        assertThat(order.get("discountCents").asLong()).isZero();
        assertThat(order.get("shippingCents").asLong()).isZero();
        assertThat(order.get("taxCents").asLong()).isZero();
        assertThat(order.get("taxRateBasisPoints").asInt()).isZero();
        assertThat(order.get("shippingAddress").isNull()).isTrue();
        assertThat(order.get("shippingMethod").isNull()).isTrue();
        assertThat(order.get("items").get(0).get("taxCents").asLong()).isZero();
        JsonNode payment = checkout.json().get("payment");
        assertThat(payment.get("provider").asText()).isEqualTo("fake");
        assertThat(payment.get("status").asText()).isEqualTo("succeeded");
        assertThat(payment.has("clientSecret")).isFalse();
        assertThat(api.stockOf(id(hobbit))).isEqualTo(3);
        assertThat(api.stockOf(id(dune))).isEqualTo(1);
        assertThat(api.get(V1 + "/cart", ann.auth()).json().get("items")).isEmpty();
        Response mine = api.get(V1 + "/orders/" + id(order), ann.auth());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).isEqualTo(order);
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        Response empty = api.checkout(api.newCustomer());

        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.json().get("code").asText()).isEqualTo("CART_EMPTY");
    }

    @Test
    void stockThatFellSinceAddingIsCheckedAgainAndNamesEveryShortBook() {
        Session ann = api.newCustomer();
        JsonNode plenty = api.newBook(500, 10);
        JsonNode shortOne = api.newBook(600, 5);
        JsonNode shortTwo = api.newBook(700, 5);
        api.added(ann, id(plenty), 1);
        api.added(ann, id(shortOne), 3);
        api.added(ann, id(shortTwo), 2);
        api.setStock(id(shortOne), 2);
        api.setStock(id(shortTwo), 0);

        Response refused = api.checkout(ann);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
        List<String> ids = new ArrayList<>();
        refused.json().get("productIds").forEach(node -> ids.add(node.asText()));
        assertThat(ids).containsExactlyInAnyOrder(id(shortOne), id(shortTwo));
        assertThat(api.stockOf(id(plenty)))
                .as("no line is taken when one is short")
                .isEqualTo(10);
        assertThat(api.stockOf(id(shortOne))).isEqualTo(2);
        assertThat(api.get(V1 + "/cart", ann.auth()).json().get("items")).hasSize(3);
        assertThat(api.get(V1 + "/orders/me", ann.auth()).json().get("total").asLong())
                .isZero();
    }

    @Test
    void aBookRetiredSinceAddingMakesTheCheckoutUnavailable() {
        Session ann = api.newCustomer();
        JsonNode kept = api.newBook(500, 10);
        JsonNode retired = api.newBook(600, 10);
        api.added(ann, id(kept), 1);
        api.added(ann, id(retired), 1);
        api.delete(V1 + "/admin/products/" + id(retired), api.admin().auth());

        Response refused = api.checkout(ann);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("PRODUCT_UNAVAILABLE");
        assertThat(refused.json().get("productIds")).containsExactly(Api.JSON.valueToTree(id(retired)));
        assertThat(api.stockOf(id(kept))).isEqualTo(10);
    }

    @Test
    void repeatingAnIdempotencyKeyReplaysTheFirstAnswerWithoutASecondOrder() {
        Session ann = api.newCustomer();
        JsonNode book = api.newBook(1500, 5);
        api.added(ann, id(book), 2);
        String key = "checkout-" + UUID.randomUUID();

        Response first = api.checkout(ann, "Idempotency-Key", key);
        Response again = api.checkout(ann, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("order")).isEqualTo(first.json().get("order"));
        assertThat(api.stockOf(id(book))).isEqualTo(3);
        assertThat(api.get(V1 + "/orders/me", ann.auth()).json().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentCartIsRefused() {
        Session ann = api.newCustomer();
        String key = "checkout-" + UUID.randomUUID();
        api.added(ann, id(api.newBook(1500, 5)), 1);
        assertThat(api.checkout(ann, "Idempotency-Key", key).status()).isEqualTo(201);
        JsonNode other = api.newBook(800, 5);
        api.added(ann, id(other), 2);

        Response reused = api.checkout(ann, "Idempotency-Key", key);

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(api.stockOf(id(other))).isEqualTo(5);
        assertThat(api.checkout(ann, "Idempotency-Key", key + "-2").status()).isEqualTo(201);
    }

    @Test
    void idempotencyKeysBelongToTheirCustomer() {
        String key = "shared-" + UUID.randomUUID();
        Session ann = api.newCustomer();
        Session bob = api.newCustomer();
        api.added(ann, id(api.newBook(1500, 5)), 1);
        api.added(bob, id(api.newBook(1500, 5)), 1);

        Response anns = api.checkout(ann, "Idempotency-Key", key);
        Response bobs = api.checkout(bob, "Idempotency-Key", key);

        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.header("Idempotent-Replayed")).isNull();
        assertThat(id(bobs.json().get("order"))).isNotEqualTo(id(anns.json().get("order")));
    }

    @Test
    void anIdempotencyKeyOver255CharactersIs422() {
        Session ann = api.newCustomer();
        api.added(ann, id(api.newBook(1500, 5)), 1);

        Response refused = api.checkout(ann, "Idempotency-Key", "k".repeat(256));

        assertThat(AuthApiTest.fields(refused)).containsExactly("Idempotency-Key");
        assertThat(api.checkout(ann, "Idempotency-Key", "k".repeat(255)).status())
                .isEqualTo(201);
    }

    @Test
    void myOrdersAreNewestFirstAndPaged() {
        Session ann = api.newCustomer();
        String older = id(api.paidOrder(ann).get("order"));
        String newer = id(api.paidOrder(ann).get("order"));
        api.paidOrder(api.newCustomer());

        JsonNode all = api.get(V1 + "/orders/me", ann.auth()).json();
        JsonNode second = api.get(V1 + "/orders/me?size=1&page=2", ann.auth()).json();

        assertThat(all.get("items").findValuesAsText("id")).containsExactly(newer, older);
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(second.get("items").findValuesAsText("id")).containsExactly(older);
        assertThat(AuthApiTest.fields(api.get(V1 + "/orders/me?size=101", ann.auth())))
                .containsExactly("size");
        assertThat(api.get(V1 + "/orders/me", api.newCustomer().auth()).json().get("items"))
                .isEmpty();
    }

    @Test
    void anotherCustomersOrderIsNotFoundJustLikeAMissingOne() {
        Session ann = api.newCustomer();
        Session bob = api.newCustomer();
        String annsOrder = id(api.paidOrder(ann).get("order"));

        Response bobLooks = api.get(V1 + "/orders/" + annsOrder, bob.auth());
        Response missing = api.get(V1 + "/orders/" + UUID.randomUUID(), bob.auth());

        assertThat(bobLooks.status()).isEqualTo(404);
        assertThat(bobLooks.json().get("code").asText()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(api.get(V1 + "/orders/" + annsOrder, api.admin().auth()).status())
                .as("the customer route is for one's own orders, admins included")
                .isEqualTo(404);
        Response malformed = api.get(V1 + "/orders/not-a-uuid", bob.auth());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("MALFORMED_ID");
    }

    @Test
    void anOrderKeepsWhatWasSoldWhenTheBookChanges() {
        Session ann = api.newCustomer();
        JsonNode book = api.newBook(1500, 5);
        api.added(ann, id(book), 2);
        String orderId = id(api.checkout(ann).json().get("order"));

        api.patch(
                V1 + "/admin/products/" + id(book),
                Map.of("title", "Renamed " + UUID.randomUUID(), "priceCents", 99),
                api.admin().auth());
        api.delete(V1 + "/admin/products/" + id(book), api.admin().auth());
        JsonNode item = api.get(V1 + "/orders/" + orderId, ann.auth()).json().at("/items/0");

        assertThat(item.get("title").asText()).isEqualTo(book.get("title").asText());
        assertThat(item.get("unitPriceCents").asLong()).isEqualTo(1500);
        assertThat(item.get("quantity").asInt()).isEqualTo(2);
        assertThat(item.get("lineTotalCents").asLong()).isEqualTo(3000);
        assertThat(item.get("productId").asText()).isEqualTo(id(book));
    }

    @Test
    void thirtyCustomersRaceForTheLastThreeCopies() throws Exception {
        JsonNode book = api.newBook(2000, 30);
        List<Session> customers =
                IntStream.range(0, 30).mapToObj(i -> api.newCustomer()).toList();
        for (Session customer : customers) {
            api.added(customer, id(book), 1);
        }
        api.setStock(id(book), 3);

        CountDownLatch go = new CountDownLatch(1);
        List<Response> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(customers.size())) {
            List<Future<Response>> pending = new ArrayList<>();
            for (Session customer : customers) {
                pending.add(pool.submit(() -> {
                    go.await();
                    return api.checkout(customer);
                }));
            }
            go.countDown();
            for (Future<Response> answer : pending) {
                answers.add(answer.get());
            }
        }

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(3);
        assertThat(answers.stream().filter(a -> a.status() != 201)).hasSize(27).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
        });
        assertThat(api.stockOf(id(book))).isZero();
        JsonNode paid = api.get(
                        V1 + "/admin/orders?status=PAID&size=100", api.admin().auth())
                .json();
        long copiesSold = 0;
        for (JsonNode order : paid.get("items")) {
            for (JsonNode item : order.get("items")) {
                if (item.get("productId").asText().equals(id(book))) {
                    copiesSold += item.get("quantity").asInt();
                }
            }
        }
        assertThat(copiesSold).isEqualTo(3);
    }
}
