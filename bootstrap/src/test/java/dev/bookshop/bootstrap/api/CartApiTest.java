package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Api.Session;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The customer's one cart over HTTP: adding, joining lines, removing, stock checks and availability. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CartApiTest {

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

    private static Response remove(Session who, Map<String, Object> body) {
        return api.post(V1 + "/cart/remove", body, who.auth());
    }

    private static JsonNode cart(Session who) {
        Response cart = api.get(V1 + "/cart", who.auth());
        assertThat(cart.status()).isEqualTo(200);
        return cart.json();
    }

    @Test
    void aNewCustomerHasAnEmptyCart() {
        JsonNode cart = cart(api.newCustomer());

        assertThat(cart.get("items")).isEmpty();
        assertThat(cart.get("totalCents").asLong()).isZero();
        assertThat(cart.get("currency").asText()).isEqualTo("EUR");
        assertThat(cart.get("updatedAt").isNull()).isTrue();
    }

    @Test
    void addingJoinsTheExistingLineAndTotalsTheCart() {
        Session ann = api.newCustomer();
        JsonNode hobbit = api.newBook(1250, 10);
        JsonNode dune = api.newBook(999, 10);
        String hobbitId = hobbit.get("id").asText();

        Response once = api.post(V1 + "/cart/add", Map.of("productId", hobbitId), ann.auth());
        api.added(ann, hobbitId, 2);
        JsonNode cart = api.added(ann, dune.get("id").asText(), 1);

        assertThat(once.status()).isEqualTo(200);
        assertThat(once.json().at("/items/0/quantity").asInt())
                .as("quantity defaults to 1")
                .isEqualTo(1);
        assertThat(cart.get("items")).hasSize(2);
        JsonNode line = line(cart, hobbitId);
        assertThat(line.get("quantity").asInt()).isEqualTo(3);
        assertThat(line.get("unitPriceCents").asLong()).isEqualTo(1250);
        assertThat(line.get("lineTotalCents").asLong()).isEqualTo(3750);
        assertThat(line.get("slug").asText()).isEqualTo(hobbit.get("slug").asText());
        assertThat(line.get("title").asText()).isEqualTo(hobbit.get("title").asText());
        assertThat(line.get("available").asBoolean()).isTrue();
        assertThat(cart.get("totalCents").asLong()).isEqualTo(3750 + 999);
        assertThat(cart.get("updatedAt").isTextual()).isTrue();
        assertThat(cart(ann)).isEqualTo(cart);
    }

    @Test
    void eachCustomerHasTheirOwnCart() {
        Session ann = api.newCustomer();
        Session bob = api.newCustomer();
        api.added(ann, api.newBook(500, 5).get("id").asText(), 1);

        assertThat(cart(bob).get("items")).isEmpty();
        assertThat(cart(ann).get("items")).hasSize(1);
    }

    @Test
    void addingBeyondTheStockIsAConflictThatLeavesTheLine() {
        Session ann = api.newCustomer();
        String id = api.newBook(700, 3).get("id").asText();
        api.added(ann, id, 2);

        Response tooMany = api.addToCart(ann, id, 2);

        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(tooMany.json().get("productIds")).containsExactly(Api.JSON.valueToTree(id));
        assertThat(line(cart(ann), id).get("quantity").asInt()).isEqualTo(2);
        assertThat(api.addToCart(ann, id, 1).status()).isEqualTo(200);
        assertThat(api.addToCart(
                                api.newCustomer(), api.newBook(700, 0).get("id").asText(), 1)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void missingAndInactiveBooksCannotBeAdded() {
        Session ann = api.newCustomer();
        String gone = api.newBook(700, 3).get("id").asText();
        api.delete(V1 + "/admin/products/" + gone, api.admin().auth());

        for (String id : new String[] {gone, UUID.randomUUID().toString()}) {
            Response refused = api.addToCart(ann, id, 1);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.json().get("code").asText()).isEqualTo("PRODUCT_NOT_FOUND");
        }
        assertThat(cart(ann).get("items")).isEmpty();
    }

    @Test
    void badAddBodiesNameTheField() {
        Session ann = api.newCustomer();
        String id = api.newBook(700, 3).get("id").asText();

        assertThat(AuthApiTest.fields(api.addToCart(ann, id, 0))).containsExactly("quantity");
        assertThat(AuthApiTest.fields(api.addToCart(ann, id, -2))).containsExactly("quantity");
        assertThat(AuthApiTest.fields(api.post(V1 + "/cart/add", Map.of("quantity", 1), ann.auth())))
                .containsExactly("productId");
        assertThat(AuthApiTest.fields(
                        api.post(V1 + "/cart/add", Map.of("productId", "not-a-uuid", "quantity", 0), ann.auth())))
                .containsExactlyInAnyOrder("productId", "quantity");
        assertThat(AuthApiTest.fields(
                        api.post(V1 + "/cart/add", Map.of("productId", id, "quantity", 99_999_999_999L), ann.auth())))
                .containsExactly("quantity");
        assertThat(api.post(V1 + "/cart/add", Map.of("productId", id, "quantity", "2"), ann.auth())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(V1 + "/cart/add", Map.of("productId", id, "quantity", 1.5), ann.auth())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(V1 + "/cart/add", Map.of("productId", 42), ann.auth())
                        .status())
                .isEqualTo(400);
        assertThat(cart(ann).get("items")).isEmpty();
    }

    @Test
    void removingWithoutAQuantityDropsTheLineAndWithOneShrinksIt() {
        Session ann = api.newCustomer();
        String keep = api.newBook(700, 10).get("id").asText();
        String drop = api.newBook(300, 10).get("id").asText();
        api.added(ann, keep, 5);
        api.added(ann, drop, 1);

        Response dropped = remove(ann, Map.of("productId", drop));
        Response shrunk = remove(ann, Map.of("productId", keep, "quantity", 2));

        assertThat(dropped.status()).isEqualTo(200);
        assertThat(dropped.json().get("items").findValuesAsText("productId")).containsExactly(keep);
        assertThat(line(shrunk.json(), keep).get("quantity").asInt()).isEqualTo(3);
        assertThat(shrunk.json().get("totalCents").asLong()).isEqualTo(2100);
        Response gone = remove(ann, Map.of("productId", keep, "quantity", 3));
        assertThat(gone.json().get("items")).isEmpty();
        assertThat(gone.json().get("totalCents").asLong()).isZero();
    }

    @Test
    void removingWhatIsNotInTheCartIs404() {
        Session ann = api.newCustomer();
        api.added(ann, api.newBook(700, 10).get("id").asText(), 1);

        Response missing = remove(ann, Map.of("productId", UUID.randomUUID().toString()));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("CART_ITEM_NOT_FOUND");
        assertThat(remove(
                                api.newCustomer(),
                                Map.of("productId", UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(404);
        assertThat(AuthApiTest.fields(
                        remove(ann, Map.of("productId", UUID.randomUUID().toString(), "quantity", 0))))
                .containsExactly("quantity");
        assertThat(AuthApiTest.fields(remove(ann, Map.of()))).containsExactly("productId");
    }

    @Test
    void aLineTurnsUnavailableWhenItsBookGoesOrItsStockFallsBelowIt() {
        Session ann = api.newCustomer();
        String retired = api.newBook(700, 10).get("id").asText();
        String scarce = api.newBook(300, 10).get("id").asText();
        api.added(ann, retired, 1);
        api.added(ann, scarce, 4);

        api.delete(V1 + "/admin/products/" + retired, api.admin().auth());
        api.setStock(scarce, 3);
        JsonNode cart = cart(ann);

        assertThat(line(cart, retired).get("available").asBoolean()).isFalse();
        assertThat(line(cart, scarce).get("available").asBoolean()).isFalse();
        api.setStock(scarce, 4);
        assertThat(line(cart(ann), scarce).get("available").asBoolean()).isTrue();
    }

    static JsonNode line(JsonNode cart, String productId) {
        for (JsonNode item : cart.get("items")) {
            if (item.get("productId").asText().equals(productId)) {
                return item;
            }
        }
        throw new AssertionError("no line for " + productId + " in " + cart);
    }
}
