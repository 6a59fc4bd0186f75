package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CartAndOrderApiTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String customer() {
        User user = app.shop.addUser(UUID.randomUUID() + "@example.com", "password1", Role.USER);
        return app.bearer(user);
    }

    private static TestApp.Response add(String auth, Object productId, String quantity) {
        String body = quantity == null
                ? "{\"productId\":\"" + productId + "\"}"
                : "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}";
        return app.send("POST", "/api/v1/cart/add", body, "Authorization", auth);
    }

    @Test
    void aNewCustomerHasAnEmptyCart() {
        var response = app.get("/api/v1/cart", "Authorization", customer());

        assertThat(response.status()).isEqualTo(200);
        JsonNode cart = response.json();
        assertThat(cart.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("items", "totalCents", "currency", "updatedAt");
        assertThat(cart.get("items")).isEmpty();
        assertThat(cart.get("totalCents").asLong()).isZero();
        assertThat(cart.get("updatedAt").isNull()).isTrue();
    }

    @Test
    void addingJoinsTheLineAndPricesIt() {
        String auth = customer();
        Product book = app.shop.addProduct("Cart Book " + UUID.randomUUID(), 1000, 5);

        add(auth, book.id(), null);
        var response = add(auth, book.id(), "2");

        assertThat(response.status()).isEqualTo(200);
        JsonNode line = response.json().get("items").get(0);
        assertThat(line.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly(
                        "productId", "slug", "title", "unitPriceCents", "quantity", "lineTotalCents", "available");
        assertThat(line.get("quantity").asInt()).isEqualTo(3);
        assertThat(line.get("lineTotalCents").asLong()).isEqualTo(3000);
        assertThat(line.get("available").asBoolean()).isTrue();
        assertThat(response.json().get("totalCents").asLong()).isEqualTo(3000);
        assertThat(response.json().get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void addingMoreThanTheStockIsAConflictListingTheBook() {
        String auth = customer();
        Product book = app.shop.addProduct("Scarce " + UUID.randomUUID(), 1000, 1);

        var response = add(auth, book.id(), "2");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(response.json().get("productIds").get(0).asText())
                .isEqualTo(book.id().toString());
    }

    @Test
    void cartInputIsCheckedFieldByField() {
        String auth = customer();

        var zero = add(auth, UUID.randomUUID(), "0");
        var noProduct = app.send("POST", "/api/v1/cart/add", "{\"quantity\":1}", "Authorization", auth);
        var badId = add(auth, "not-a-uuid", "1");
        var stringQuantity = add(auth, UUID.randomUUID(), "\"2\"");
        var fraction = add(auth, UUID.randomUUID(), "1.5");
        var huge = add(auth, UUID.randomUUID(), "99999999999");

        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.json().get("errors").get(0).get("field").asText()).isEqualTo("quantity");
        assertThat(noProduct.status()).isEqualTo(422);
        assertThat(noProduct.json().get("errors").get(0).get("field").asText()).isEqualTo("productId");
        assertThat(badId.status()).isEqualTo(422);
        assertThat(stringQuantity.status()).isEqualTo(400);
        assertThat(stringQuantity.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(huge.status()).isEqualTo(422);
    }

    @Test
    void addingAMissingBookIsNotFound() {
        var response = add(customer(), UUID.randomUUID(), "1");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("PRODUCT_NOT_FOUND");
    }

    @Test
    void removingShrinksOrDropsTheLine() {
        String auth = customer();
        Product book = app.shop.addProduct("Removable " + UUID.randomUUID(), 700, 5);
        add(auth, book.id(), "3");

        var shrunk = app.send(
                "POST",
                "/api/v1/cart/remove",
                "{\"productId\":\"" + book.id() + "\",\"quantity\":1}",
                "Authorization",
                auth);
        var dropped =
                app.send("POST", "/api/v1/cart/remove", "{\"productId\":\"" + book.id() + "\"}", "Authorization", auth);
        var notThere =
                app.send("POST", "/api/v1/cart/remove", "{\"productId\":\"" + book.id() + "\"}", "Authorization", auth);

        assertThat(shrunk.status()).isEqualTo(200);
        assertThat(shrunk.json().get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(dropped.json().get("items")).isEmpty();
        assertThat(notThere.status()).isEqualTo(404);
        assertThat(notThere.json().get("code").asText()).isEqualTo("CART_ITEM_NOT_FOUND");
    }

    @Test
    void checkoutAnswersCreatedWithTheOrderAndPayment() {
        String auth = customer();
        Product book = app.shop.addProduct("Checkout Book " + UUID.randomUUID(), 1250, 5);
        add(auth, book.id(), "2");

        var response = app.send("POST", "/api/v1/checkout", null, "Authorization", auth);

        assertThat(response.status()).isEqualTo(201);
        JsonNode answer = response.json();
        assertThat(answer.properties()).extracting(Map.Entry::getKey).containsExactly("order", "payment");
        JsonNode order = answer.get("order");
        assertThat(order.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly(
                        "id",
                        "status",
                        "subtotalCents",
                        "discountCents",
                        "shippingCents",
                        "taxCents",
                        "totalCents",
                        "currency",
                        "taxRateBasisPoints",
                        "items",
                        "shippingAddress",
                        "shippingMethod",
                        "createdAt",
                        "paidAt");
        assertThat(order.get("status").asText()).isEqualTo("PAID");
        assertThat(order.get("totalCents").asLong()).isEqualTo(2500);
        assertThat(order.get("items").get(0).properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("productId", "title", "unitPriceCents", "quantity", "lineTotalCents", "taxCents");
        assertThat(answer.get("payment").get("provider").asText()).isEqualTo("fake");
        assertThat(answer.get("payment").get("status").asText()).isEqualTo("succeeded");
        assertThat(answer.get("payment").has("clientSecret")).isFalse();
    }

    @Test
    void aRepeatedIdempotencyKeyReplaysTheFirstAnswerAsCreated() {
        String auth = customer();
        Product book = app.shop.addProduct("Replay Book " + UUID.randomUUID(), 800, 5);
        add(auth, book.id(), "1");

        var first = app.send("POST", "/api/v1/checkout", null, "Authorization", auth, "Idempotency-Key", "key-1");
        var replay = app.send("POST", "/api/v1/checkout", null, "Authorization", auth, "Idempotency-Key", "key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("order").get("id"))
                .isEqualTo(first.json().get("order").get("id"));
    }

    @Test
    void anOverlongIdempotencyKeyIsAValidationFailure() {
        var response = app.send(
                "POST", "/api/v1/checkout", null, "Authorization", customer(), "Idempotency-Key", "k".repeat(256));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void checkingOutAnEmptyCartIsAConflict() {
        var response = app.send("POST", "/api/v1/checkout", null, "Authorization", customer());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("CART_EMPTY");
    }

    @Test
    void customersSeeTheirOwnOrdersOnly() {
        String auth = customer();
        Product book = app.shop.addProduct("History Book " + UUID.randomUUID(), 500, 5);
        add(auth, book.id(), "1");
        String orderId = app.send("POST", "/api/v1/checkout", null, "Authorization", auth)
                .json()
                .get("order")
                .get("id")
                .asText();

        var mine = app.get("/api/v1/orders/me", "Authorization", auth);
        var one = app.get("/api/v1/orders/" + orderId, "Authorization", auth);
        var someoneElses = app.get("/api/v1/orders/" + orderId, "Authorization", customer());
        var malformed = app.get("/api/v1/orders/12345", "Authorization", auth);

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("total").asLong()).isEqualTo(1);
        assertThat(mine.json().get("items").get(0).get("id").asText()).isEqualTo(orderId);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("paidAt").asText()).endsWith("Z");
        assertThat(someoneElses.status()).isEqualTo(404);
        assertThat(someoneElses.json().get("code").asText()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("MALFORMED_ID");
    }

    @Test
    void cartAndOrdersNeedAToken() {
        assertThat(app.get("/api/v1/cart").status()).isEqualTo(401);
        assertThat(app.send("POST", "/api/v1/cart/add", "{}").status()).isEqualTo(401);
        assertThat(app.send("POST", "/api/v1/checkout", null).status()).isEqualTo(401);
        assertThat(app.get("/api/v1/orders/me").status()).isEqualTo(401);
    }
}
