package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Discount codes over HTTP: the admin's routes, applying and removing a code on an account's and a guest's cart,
 * checkout with the cart's code and with a named one, and every refusal with its status, code and reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscountApiTest {

    static final String HEADER = "X-Cart-Token";
    static Api api;

    /** The variables the server runs with beyond the test defaults; a subclass names another adapter here. */
    Map<String, String> environment() {
        return Map.of();
    }

    @BeforeAll
    void start() {
        api = Api.start(environment());
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static String[] admin() {
        return api.admin().auth();
    }

    private static String freshCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response create(Map<String, Object> fields) {
        return api.post(V1 + "/admin/discounts", fields, admin());
    }

    private static JsonNode created(Map<String, Object> fields) {
        Response answer = create(fields);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json();
    }

    private static JsonNode percent(int value) {
        return created(Map.of("code", freshCode("PCT"), "kind", "PERCENT", "value", value));
    }

    private static Response apply(Api.Session who, String code) {
        return api.post(V1 + "/cart/discount", Map.of("code", code), who.auth());
    }

    private static void assertProblem(Response answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.json().get("code").asText()).isEqualTo(code);
    }

    private static void assertInvalid(Response answer, String reason) {
        assertProblem(answer, 422, "DISCOUNT_INVALID");
        assertThat(answer.json().get("reason").asText()).isEqualTo(reason);
    }

    private static void assertField(Response answer, String field) {
        assertProblem(answer, 422, "VALIDATION_FAILED");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    // ---- the admin's codes ----

    @Test
    void anAdminCreatesListsAndChangesACode() {
        String text = freshCode("spring");
        Map<String, Object> fields = new HashMap<>();
        fields.put("code", text);
        fields.put("kind", "AMOUNT");
        fields.put("value", 500);
        fields.put("minSubtotalCents", 2000);
        fields.put("startsAt", "2026-01-01T00:00:00Z");
        fields.put("endsAt", "2099-01-01T00:00:00Z");
        fields.put("maxRedemptions", 100);
        fields.put("maxPerCustomer", 1);

        JsonNode code = created(fields);

        assertThat(code.get("code").asText()).isEqualTo(text.toUpperCase());
        assertThat(code.get("kind").asText()).isEqualTo("AMOUNT");
        assertThat(code.get("value").asLong()).isEqualTo(500);
        assertThat(code.get("minSubtotalCents").asLong()).isEqualTo(2000);
        assertThat(code.get("startsAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(code.get("maxPerCustomer").asInt()).isEqualTo(1);
        assertThat(code.get("active").asBoolean()).isTrue();
        assertThat(code.get("timesRedeemed").asInt()).isZero();

        Response list = api.get(V1 + "/admin/discounts", admin());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("id")).contains(code.get("id").asText());

        Map<String, Object> changes = new HashMap<>();
        changes.put("active", false);
        changes.put("maxPerCustomer", null);
        changes.put("value", 750);
        Response changed = api.patch(V1 + "/admin/discounts/" + code.get("id").asText(), changes, admin());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().get("active").asBoolean()).isFalse();
        assertThat(changed.json().get("value").asLong()).isEqualTo(750);
        assertThat(changed.json().get("maxPerCustomer").isNull()).isTrue();
        assertThat(changed.json().get("maxRedemptions").asInt()).isEqualTo(100);
    }

    @Test
    void aTextTakenIgnoringCaseIs409AndAnUnknownIdIs404() {
        String text = freshCode("TAKEN");
        created(Map.of("code", text, "kind", "PERCENT", "value", 10));
        JsonNode other = percent(5);

        assertProblem(
                create(Map.of("code", text.toLowerCase(), "kind", "AMOUNT", "value", 1)), 409, "DISCOUNT_CODE_TAKEN");
        assertProblem(
                api.patch(V1 + "/admin/discounts/" + other.get("id").asText(), Map.of("code", text), admin()),
                409,
                "DISCOUNT_CODE_TAKEN");
        assertProblem(
                api.patch(V1 + "/admin/discounts/" + UUID.randomUUID(), Map.of("active", true), admin()),
                404,
                "DISCOUNT_CODE_NOT_FOUND");
        assertProblem(
                api.patch(V1 + "/admin/discounts/not-an-id", Map.of("active", true), admin()), 400, "MALFORMED_ID");
    }

    @Test
    void badTermsAre422NamingTheFieldAndNever500() {
        assertField(create(Map.of("code", freshCode("P"), "kind", "PERCENT", "value", 0)), "value");
        assertField(create(Map.of("code", freshCode("P"), "kind", "PERCENT", "value", 101)), "value");
        assertField(create(Map.of("code", freshCode("A"), "kind", "AMOUNT", "value", -5)), "value");
        assertField(create(Map.of("code", freshCode("K"), "kind", "HALF", "value", 5)), "kind");
        assertField(create(Map.of("kind", "PERCENT", "value", 5)), "code");
        assertField(create(Map.of("code", freshCode("V"), "kind", "PERCENT")), "value");
        assertField(create(Map.of("code", freshCode("K"), "value", 5)), "kind");
        assertField(create(Map.of("code", "has spaces", "kind", "PERCENT", "value", 5)), "code");
        assertField(create(Map.of("code", "X".repeat(41), "kind", "PERCENT", "value", 5)), "code");
        assertField(
                create(Map.of("code", freshCode("W"), "kind", "PERCENT", "value", 5, "startsAt", "tomorrow")),
                "startsAt");
        assertField(
                create(Map.of(
                        "code",
                        freshCode("W"),
                        "kind",
                        "PERCENT",
                        "value",
                        5,
                        "startsAt",
                        "2030-01-01T00:00:00Z",
                        "endsAt",
                        "2029-01-01T00:00:00Z")),
                "endsAt");
        assertField(
                create(Map.of("code", freshCode("L"), "kind", "PERCENT", "value", 5, "maxRedemptions", 0)),
                "maxRedemptions");
        assertField(
                create(Map.of("code", freshCode("L"), "kind", "PERCENT", "value", 5, "maxPerCustomer", -1)),
                "maxPerCustomer");
        assertField(
                create(Map.of("code", freshCode("M"), "kind", "PERCENT", "value", 5, "minSubtotalCents", -1)),
                "minSubtotalCents");
        assertThat(create(Map.of("code", freshCode("T"), "kind", "PERCENT", "value", "ten"))
                        .status())
                .isEqualTo(400);
        assertThat(create("{not json").status()).isEqualTo(400);
    }

    private static Response create(String raw) {
        return api.post(V1 + "/admin/discounts", raw, admin());
    }

    @Test
    void aCustomerCannotManageCodes() {
        Api.Session customer = api.newCustomer();

        assertProblem(api.get(V1 + "/admin/discounts", customer.auth()), 403, "FORBIDDEN");
        assertProblem(
                api.post(V1 + "/admin/discounts", Map.of("code", "X", "kind", "PERCENT", "value", 5), customer.auth()),
                403,
                "FORBIDDEN");
    }

    // ---- the cart ----

    @Test
    void anAppliedCodeShowsOnTheCartAndComesOffAgain() {
        Api.Session who = api.newCustomer();
        String book = api.newBook(1999, 10).get("id").asText();
        api.added(who, book, 2);
        JsonNode code = percent(10);

        Response applied = apply(who, code.get("code").asText().toLowerCase());

        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        assertThat(applied.json().get("discount").get("code").asText())
                .isEqualTo(code.get("code").asText());
        assertThat(applied.json().get("discount").get("amountCents").asLong()).isEqualTo(399);
        assertThat(applied.json().get("totalCents").asLong()).isEqualTo(3998 - 399);
        assertThat(api.get(V1 + "/cart", who.auth())
                        .json()
                        .get("discount")
                        .get("amountCents")
                        .asLong())
                .isEqualTo(399);

        Response removed = api.delete(V1 + "/cart/discount", who.auth());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().has("discount")).isFalse();
        assertThat(removed.json().get("totalCents").asLong()).isEqualTo(3998);
    }

    @Test
    void everyRefusalOfACodeIs422WithItsReason() {
        Api.Session who = api.newCustomer();
        String book = api.newBook(1000, 10).get("id").asText();
        api.added(who, book, 1);

        assertInvalid(apply(who, "NO-SUCH-CODE"), "unknown");
        assertInvalid(apply(who, "not a code!"), "unknown");
        JsonNode off = created(Map.of("code", freshCode("OFF"), "kind", "PERCENT", "value", 5, "active", false));
        assertInvalid(apply(who, off.get("code").asText()), "inactive");
        JsonNode later = created(
                Map.of("code", freshCode("LATER"), "kind", "PERCENT", "value", 5, "startsAt", "2099-01-01T00:00:00Z"));
        assertInvalid(apply(who, later.get("code").asText()), "not_started");
        JsonNode past = created(
                Map.of("code", freshCode("PAST"), "kind", "PERCENT", "value", 5, "endsAt", "2020-01-01T00:00:00Z"));
        assertInvalid(apply(who, past.get("code").asText()), "ended");
        JsonNode big =
                created(Map.of("code", freshCode("BIG"), "kind", "PERCENT", "value", 5, "minSubtotalCents", 5000));
        assertInvalid(apply(who, big.get("code").asText()), "below_minimum");

        JsonNode single = created(Map.of("code", freshCode("ONE"), "kind", "PERCENT", "value", 5, "maxRedemptions", 1));
        Api.Session first = api.newCustomer();
        api.added(first, book, 1);
        assertThat(apply(first, single.get("code").asText()).status()).isEqualTo(200);
        assertThat(api.checkout(first).status()).isEqualTo(201);
        assertInvalid(apply(who, single.get("code").asText()), "used_up");

        JsonNode mine = created(Map.of("code", freshCode("MINE"), "kind", "PERCENT", "value", 5, "maxPerCustomer", 1));
        assertThat(apply(who, mine.get("code").asText()).status()).isEqualTo(200);
        assertThat(api.checkout(who).status()).isEqualTo(201);
        api.added(who, book, 1);
        assertInvalid(apply(who, mine.get("code").asText()), "used_up_for_customer");

        assertField(api.post(V1 + "/cart/discount", Map.of(), who.auth()), "code");
        assertThat(api.post(V1 + "/cart/discount", Map.of("code", 7), who.auth())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(V1 + "/cart/discount", "{", who.auth()).status()).isEqualTo(400);
        assertProblem(api.post(V1 + "/cart/discount", Map.of("code", "X")), 401, "UNAUTHENTICATED");
    }

    @Test
    void aGuestAppliesAndRemovesACodeWithItsCartToken() {
        String token = api.post(V1 + "/carts", null).json().get("cartToken").asText();
        String book = api.newBook(1000, 10).get("id").asText();
        api.post(V1 + "/cart/add", Map.of("productId", book, "quantity", 3), HEADER, token);
        JsonNode code = created(Map.of("code", freshCode("GUEST"), "kind", "AMOUNT", "value", 250));

        Response applied =
                api.post(V1 + "/cart/discount", Map.of("code", code.get("code").asText()), HEADER, token);

        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        assertThat(applied.json().get("discount").get("amountCents").asLong()).isEqualTo(250);
        assertThat(applied.json().get("totalCents").asLong()).isEqualTo(2750);
        assertInvalid(api.post(V1 + "/cart/discount", Map.of("code", "NOPE-NOPE"), HEADER, token), "unknown");
        Response removed = api.delete(V1 + "/cart/discount", HEADER, token);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().has("discount")).isFalse();
        assertProblem(
                api.post(V1 + "/cart/discount", Map.of("code", "X"), HEADER, "forged-" + UUID.randomUUID()),
                401,
                "CART_TOKEN_INVALID");
        assertProblem(api.delete(V1 + "/cart/discount", HEADER, "forged"), 401, "CART_TOKEN_INVALID");
    }

    // ---- checkout ----

    @Test
    void checkoutUsesTheCartsCodeAndTheOrderShowsIt() {
        Api.Session who = api.newCustomer();
        String book = api.newBook(2500, 10).get("id").asText();
        api.added(who, book, 2);
        JsonNode code = created(Map.of("code", freshCode("FIVE"), "kind", "AMOUNT", "value", 500));
        apply(who, code.get("code").asText());

        Response quote = api.post(V1 + "/checkout/quote", null, who.auth());
        assertThat(quote.status()).as("%s", quote).isEqualTo(200);
        assertThat(quote.json().get("discountCents").asLong()).isEqualTo(500);

        Response checkout = api.checkout(who);

        assertThat(checkout.status()).as("%s", checkout).isEqualTo(201);
        JsonNode order = checkout.json().get("order");
        assertThat(order.get("discountCents").asLong()).isEqualTo(500);
        assertThat(order.get("totalCents").asLong()).isEqualTo(4500);
        assertThat(order.get("discount").get("code").asText())
                .isEqualTo(code.get("code").asText());
        assertThat(order.get("discount").get("amountCents").asLong()).isEqualTo(500);
        Response again = api.get(V1 + "/orders/" + order.get("id").asText(), who.auth());
        assertThat(again.json().get("discount").get("code").asText())
                .isEqualTo(code.get("code").asText());
        Response list = api.get(V1 + "/admin/discounts", admin());
        for (JsonNode c : list.json()) {
            if (c.get("id").asText().equals(code.get("id").asText())) {
                assertThat(c.get("timesRedeemed").asInt()).isEqualTo(1);
            }
        }
    }

    @Test
    void aCodeNamedAtCheckoutWinsAndAnInvalidOneRefusesTheCheckout() {
        Api.Session who = api.newCustomer();
        String book = api.newBook(1000, 10).get("id").asText();
        api.added(who, book, 1);
        apply(who, percent(10).get("code").asText());

        assertInvalid(api.post(V1 + "/checkout", Map.of("discountCode", "NO-SUCH"), who.auth()), "unknown");
        assertThat(api.stockOf(book)).isEqualTo(10);

        JsonNode named = percent(20);
        Response checkout = api.post(
                V1 + "/checkout", Map.of("discountCode", named.get("code").asText()), who.auth());
        assertThat(checkout.status()).as("%s", checkout).isEqualTo(201);
        assertThat(checkout.json().get("order").get("discount").get("code").asText())
                .isEqualTo(named.get("code").asText());
        assertThat(checkout.json().get("order").get("discountCents").asLong()).isEqualTo(200);
    }
}
