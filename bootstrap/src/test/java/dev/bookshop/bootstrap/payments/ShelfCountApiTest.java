package dev.bookshop.bootstrap.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin counting the shelf while unpaid orders hold copies, over HTTP against PostgreSQL with Stripe faked on
 * loopback (payments stay open until the customer confirms them, so the orders stay PENDING): the count includes the
 * held copies, and a count below them is refused.
 */
class ShelfCountApiTest {

    private static StripeShop shop;
    private static Customer admin;

    @BeforeAll
    static void start() {
        shop = StripeShop.start(Map.of());
        admin = shop.app().admin();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    private static Response count(JsonNode book, Object change) {
        return shop.app()
                .send(
                        "PATCH",
                        "/api/v1/admin/products/" + book.get("id").asText() + "/stock",
                        TestServer.json(change),
                        "Authorization",
                        admin.bearer());
    }

    @Test
    void aShelfCountIncludesTheCopiesUnpaidOrdersHold() {
        JsonNode book = shop.newBook("Counted", 1200, 10);
        shop.newPurchase(book, 2);

        Response counted = count(book, Map.of("set", 5));

        assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
        assertThat(counted.json())
                .isEqualTo(new ObjectMapper()
                        .valueToTree(Map.of("id", book.get("id").asText(), "stock", 3, "reserved", 2, "onHand", 5)));
        assertThat(shop.stock(book)).isEqualTo(3);

        Response moved = count(book, Map.of("delta", 1));
        assertThat(moved.json().get("stock").asInt()).isEqualTo(4);
        assertThat(moved.json().get("reserved").asInt()).isEqualTo(2);
        assertThat(moved.json().get("onHand").asInt()).isEqualTo(6);
    }

    @Test
    void aShelfCountBelowTheHeldCopiesIs409AndWritesNothing() {
        JsonNode book = shop.newBook("Short", 1200, 10);
        shop.newPurchase(book, 3);

        Response refused = count(book, Map.of("set", 2));
        Response refusedWithAnEdit = shop.app()
                .send(
                        "PATCH",
                        "/api/v1/admin/products/" + book.get("id").asText(),
                        TestServer.json(Map.of("stock", 2, "priceCents", 1)),
                        "Authorization",
                        admin.bearer());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("STOCK_BELOW_RESERVED");
        assertThat(refused.json().get("reserved").asInt()).isEqualTo(3);
        assertThat(refusedWithAnEdit.status()).as(refusedWithAnEdit.toString()).isEqualTo(409);
        assertThat(shop.stock(book)).isEqualTo(7);
        Response current = shop.app().get("/api/v1/products/" + book.get("slug").asText());
        assertThat(current.json().get("priceCents").asLong()).isEqualTo(1200);
    }
}
