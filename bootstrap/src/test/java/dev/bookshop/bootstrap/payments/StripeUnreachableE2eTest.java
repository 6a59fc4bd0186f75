package dev.bookshop.bootstrap.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shop whose Stripe API address answers nothing at all (no process listens there): checkout must not hold stock. */
class StripeUnreachableE2eTest {

    private static StripeShop shop;

    @BeforeAll
    static void start() {
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shop = StripeShop.start(Map.of("STRIPE_API_BASE", "http://127.0.0.1:" + nobodyListens));
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void checkoutAnswers502AndTheOrderEndsFailedWithItsStockBack() {
        JsonNode book = shop.newBook("Unreachable", 990, 2);
        Customer fay = shop.newCustomer();
        shop.addToCart(fay, book, 2);

        Response checkout = shop.checkout(fay);

        StripePaymentsE2eTest.assertProviderUnavailable(checkout);
        assertThat(checkout.json().get("detail").asText())
                .isEqualTo("The payment provider could not be reached; the order was not charged.");
        JsonNode order = shop.latestOrder(fay);
        assertThat(order.get("status").asText()).isEqualTo("FAILED");
        assertThat(order.get("totalCents").asLong()).isEqualTo(1980);
        assertThat(shop.stock(book)).isEqualTo(2);
        assertThat(shop.auditTrail(order.get("id").asText())).containsExactly("PLACED", "PAYMENT_PROVIDER_UNAVAILABLE");
        // The cart went into the order: the customer starts again from an empty cart.
        Response cart = shop.app().get("/api/v1/cart", "Authorization", fay.bearer());
        assertThat(cart.json().get("items")).isEmpty();
    }
}
