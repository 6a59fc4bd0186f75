package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Api.Session;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Checking out to an address over HTTP, in a shop that ships: the quote and the order agree, every new field of the
 * order in every view, every refusal code, and a quote that changes nothing. (A shop without shipping is
 * {@link CheckoutApiTest}: its server has no shipping method.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippingCheckoutApiTest {

    static Api api;
    static String standardId;
    static String retiredId;

    Map<String, String> environment() {
        return Map.of();
    }

    @BeforeAll
    void start() {
        api = Api.start(environment());
        String[] admin = api.admin().auth();
        Response standard = api.post(
                V1 + "/admin/shipping-methods",
                Map.of("name", "Standard", "countries", List.of("DE", "AT"), "priceCents", 490, "freeOverCents", 5000),
                admin);
        assertThat(standard.status()).as("%s", standard).isEqualTo(201);
        standardId = standard.json().get("id").asText();
        Response retired = api.post(
                V1 + "/admin/shipping-methods",
                Map.of("name", "Retired", "countries", List.of("DE"), "priceCents", 100, "active", false),
                admin);
        assertThat(retired.status()).as("%s", retired).isEqualTo(201);
        retiredId = retired.json().get("id").asText();
        Response vat = api.send("PUT", V1 + "/admin/tax-rates/DE", Map.of("rateBasisPoints", 700), admin);
        assertThat(vat.status()).as("%s", vat).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static Map<String, Object> berlin() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Ann Reader");
        address.put("line1", "Hauptstraße 1");
        address.put("city", "Berlin");
        address.put("postalCode", "10115");
        address.put("country", "de");
        address.put("phone", "+49 30 5550100");
        return address;
    }

    private static Map<String, Object> inline(Map<String, Object> address, String methodId) {
        Map<String, Object> body = new HashMap<>();
        body.put("shippingAddress", address);
        body.put("shippingMethodId", methodId);
        return body;
    }

    private static Response quote(Session who, Object body) {
        return api.post(V1 + "/checkout/quote", body, who.auth());
    }

    private static Response checkout(Session who, Object body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = who.bearer();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.post(V1 + "/checkout", body, all);
    }

    /** A customer with 3 × 3.33 and 1 × 12.50 in the cart; answers the two books' ids. */
    private static List<String> cartOf(Session who) {
        JsonNode pamphlet = api.newBook(333, 10);
        JsonNode atlas = api.newBook(1250, 10);
        api.added(who, pamphlet.get("id").asText(), 3);
        api.added(who, atlas.get("id").asText(), 1);
        return List.of(pamphlet.get("id").asText(), atlas.get("id").asText());
    }

    @Test
    void theQuoteIsWhatTheOrderCarriesInEveryView() {
        Session ann = api.newCustomer();
        List<String> books = cartOf(ann);

        Response quoted = quote(ann, inline(berlin(), standardId));
        assertThat(quoted.status()).as("%s", quoted).isEqualTo(200);
        JsonNode quote = quoted.json();
        // 999 holds 65, 1250 holds 82, shipping 490 holds 32, at 7 %.
        assertThat(quote.get("subtotalCents").asLong()).isEqualTo(2249);
        assertThat(quote.get("discountCents").asLong()).isZero();
        assertThat(quote.get("shippingCents").asLong()).isEqualTo(490);
        assertThat(quote.get("taxCents").asLong()).isEqualTo(179);
        assertThat(quote.get("totalCents").asLong()).isEqualTo(2739);
        assertThat(quote.get("currency").asText()).isEqualTo("EUR");
        assertThat(quote.get("taxRateBasisPoints").asInt()).isEqualTo(700);
        JsonNode first = quote.get("lines").get(0);
        assertThat(first.get("productId").asText()).isEqualTo(books.get(0));
        assertThat(first.get("unitPriceCents").asLong()).isEqualTo(333);
        assertThat(first.get("quantity").asInt()).isEqualTo(3);
        assertThat(first.get("lineTotalCents").asLong()).isEqualTo(999);
        assertThat(first.get("taxCents").asLong()).isEqualTo(65);
        assertThat(first.get("title").asText()).isNotBlank();

        Response placed = checkout(ann, inline(berlin(), standardId));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        JsonNode order = placed.json().get("order");
        assertAgrees(order, quote);
        assertThat(order.get("shippingAddress").get("name").asText()).isEqualTo("Ann Reader");
        assertThat(order.get("shippingAddress").get("country").asText()).isEqualTo("DE");
        assertThat(order.get("shippingAddress").get("phone").asText()).isEqualTo("+49 30 5550100");
        assertThat(order.get("shippingAddress").has("line2")).isFalse();
        assertThat(order.get("shippingMethod").get("name").asText()).isEqualTo("Standard");
        assertThat(order.get("shippingMethod").get("priceCents").asLong()).isEqualTo(490);

        String orderId = order.get("id").asText();
        assertAgrees(api.get(V1 + "/orders/" + orderId, ann.auth()).json(), quote);
        assertAgrees(api.get(V1 + "/orders/me", ann.auth()).json().get("items").get(0), quote);
        JsonNode adminList = api.get(
                        V1 + "/admin/orders?userId=" + ann.id(), api.admin().auth())
                .json();
        assertAgrees(adminList.get("items").get(0), quote);
        assertThat(adminList
                        .get("items")
                        .get(0)
                        .get("shippingMethod")
                        .get("name")
                        .asText())
                .isEqualTo("Standard");
        Response export = api.get(V1 + "/users/me/export", ann.auth());
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertAgrees(export.json().get("orders").get(0), quote);
    }

    private static void assertAgrees(JsonNode order, JsonNode quote) {
        for (String field : List.of(
                "subtotalCents", "discountCents", "shippingCents", "taxCents", "totalCents", "taxRateBasisPoints")) {
            assertThat(order.get(field).asLong())
                    .as(field)
                    .isEqualTo(quote.get(field).asLong());
        }
        for (int i = 0; i < quote.get("lines").size(); i++) {
            assertThat(order.get("items").get(i).get("taxCents").asLong())
                    .isEqualTo(quote.get("lines").get(i).get("taxCents").asLong());
            assertThat(order.get("items").get(i).get("lineTotalCents").asLong())
                    .isEqualTo(quote.get("lines").get(i).get("lineTotalCents").asLong());
        }
    }

    @Test
    void aSavedAddressIsCopiedAndFreeShippingIsGivenOverTheThreshold() {
        Session bea = api.newCustomer();
        Response saved = api.post(V1 + "/users/me/addresses", berlin(), bea.auth());
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        String addressId = saved.json().get("id").asText();
        JsonNode atlas = api.newBook(2500, 5);
        api.added(bea, atlas.get("id").asText(), 2);

        Response placed = checkout(bea, Map.of("shippingAddressId", addressId, "shippingMethodId", standardId));

        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        JsonNode order = placed.json().get("order");
        assertThat(order.get("shippingCents").asLong()).isZero();
        assertThat(order.get("totalCents").asLong()).isEqualTo(5000);
        assertThat(order.get("shippingMethod").get("priceCents").asLong()).isEqualTo(490);
        assertThat(api.delete(V1 + "/users/me/addresses/" + addressId, bea.auth())
                        .status())
                .isEqualTo(204);
        JsonNode reread =
                api.get(V1 + "/orders/" + order.get("id").asText(), bea.auth()).json();
        assertThat(reread.get("shippingAddress").get("city").asText()).isEqualTo("Berlin");
    }

    @Test
    void aQuoteChangesNothing() {
        Session cleo = api.newCustomer();
        JsonNode book = api.newBook(1000, 2);
        String id = book.get("id").asText();
        api.added(cleo, id, 2);

        for (int i = 0; i < 3; i++) {
            assertThat(quote(cleo, inline(berlin(), standardId)).status()).isEqualTo(200);
        }

        assertThat(api.stockOf(id)).isEqualTo(2);
        assertThat(api.get(V1 + "/orders/me", cleo.auth()).json().get("total").asLong())
                .isZero();
        assertThat(api.get(V1 + "/cart", cleo.auth()).json().get("items").size())
                .isEqualTo(1);
    }

    @Test
    void everyRefusalHasItsCodeAndReservesNothing() {
        Session dan = api.newCustomer();
        Session eve = api.newCustomer();
        String foreign = api.post(V1 + "/users/me/addresses", berlin(), eve.auth())
                .json()
                .get("id")
                .asText();
        JsonNode book = api.newBook(1000, 3);
        String id = book.get("id").asText();
        api.added(dan, id, 3);
        Map<String, Object> paris = new LinkedHashMap<>(berlin());
        paris.put("country", "FR");

        refused(dan, null, 422, "SHIPPING_ADDRESS_REQUIRED");
        refused(dan, Map.of("shippingMethodId", standardId), 422, "SHIPPING_ADDRESS_REQUIRED");
        refused(dan, Map.of("shippingAddress", berlin()), 422, "SHIPPING_METHOD_REQUIRED");
        refused(dan, inline(paris, standardId), 422, "SHIPPING_UNAVAILABLE");
        refused(dan, inline(berlin(), retiredId), 422, "SHIPPING_UNAVAILABLE");
        refused(dan, inline(berlin(), UUID.randomUUID().toString()), 422, "SHIPPING_UNAVAILABLE");
        refused(dan, Map.of("shippingAddressId", foreign, "shippingMethodId", standardId), 404, "ADDRESS_NOT_FOUND");
        refused(
                dan,
                Map.of("shippingAddressId", UUID.randomUUID().toString(), "shippingMethodId", standardId),
                404,
                "ADDRESS_NOT_FOUND");
        Map<String, Object> withCode = inline(berlin(), standardId);
        withCode.put("discountCode", "WELCOME10");
        JsonNode discount = refused(dan, withCode, 422, "DISCOUNT_INVALID");
        assertThat(discount.get("reason").asText()).isEqualTo("unknown");

        Map<String, Object> badCountry = new LinkedHashMap<>(berlin());
        badCountry.put("country", "XX");
        badCountry.put("postalCode", "");
        JsonNode invalid = refused(dan, inline(badCountry, standardId), 422, "VALIDATION_FAILED");
        assertThat(fields(invalid)).contains("shippingAddress.country", "shippingAddress.postalCode");
        Map<String, Object> both = inline(berlin(), standardId);
        both.put("shippingAddressId", foreign);
        assertThat(fields(refused(dan, both, 422, "VALIDATION_FAILED"))).contains("shippingAddress");
        assertThat(fields(refused(dan, Map.of("shippingMethodId", "not-a-uuid"), 422, "VALIDATION_FAILED")))
                .contains("shippingMethodId");
        refused(dan, Map.of("shippingAddress", "Berlin"), 400, "MALFORMED_JSON");

        assertThat(api.stockOf(id)).as("nothing reserved").isEqualTo(3);
        assertThat(api.get(V1 + "/orders/me", dan.auth()).json().get("total").asLong())
                .isZero();
    }

    /** Refused alike by the quote and the checkout; answers the checkout's problem. */
    private static JsonNode refused(Session who, Object body, int status, String code) {
        Response quoted = quote(who, body);
        assertThat(quoted.status()).as("quote %s", quoted).isEqualTo(status);
        assertThat(quoted.json().get("code").asText()).isEqualTo(code);
        Response answer = checkout(who, body);
        assertThat(answer.status()).as("checkout %s", answer).isEqualTo(status);
        assertThat(answer.json().get("code").asText()).isEqualTo(code);
        return answer.json();
    }

    private static List<String> fields(JsonNode problem) {
        java.util.ArrayList<String> fields = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void aKeyReplaysTheSameChoicesAndRefusesOthers() {
        Session fay = api.newCustomer();
        JsonNode book = api.newBook(1000, 5);
        api.added(fay, book.get("id").asText(), 1);
        String key = "ship-" + UUID.randomUUID();

        Response first = checkout(fay, inline(berlin(), standardId), "Idempotency-Key", key);
        Response again = checkout(fay, inline(berlin(), standardId), "Idempotency-Key", key);
        Map<String, Object> elsewhere = new LinkedHashMap<>(berlin());
        elsewhere.put("city", "Potsdam");
        Response other = checkout(fay, inline(elsewhere, standardId), "Idempotency-Key", key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("order").get("id"))
                .isEqualTo(first.json().get("order").get("id"));
        assertThat(other.status()).as("%s", other).isEqualTo(409);
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(api.stockOf(book.get("id").asText())).isEqualTo(4);
    }
}
