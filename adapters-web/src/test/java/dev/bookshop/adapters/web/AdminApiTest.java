package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminApiTest {

    static TestApp app;
    static User admin;
    static String adminAuth;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        admin = app.shop.addUser("admin@example.com", "password1", Role.ADMIN);
        adminAuth = app.bearer(admin);
        app.shop.addCategory("Classics");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static TestApp.Response asAdmin(String method, String path, String body) {
        return app.send(method, path, body, "Authorization", adminAuth);
    }

    @Test
    void anonymousCallersAreUnauthenticatedAndCustomersForbidden() {
        String customer = app.bearer(app.shop.addUser(UUID.randomUUID() + "@example.com", "password1", Role.USER));

        var anonymous = app.get("/api/v1/admin/products");
        var forbidden = app.get("/api/v1/admin/products", "Authorization", customer);
        var forbiddenWrite =
                app.send("POST", "/api/v1/admin/categories", "{\"name\":\"X\"}", "Authorization", customer);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(forbiddenWrite.status()).isEqualTo(403);
    }

    @Test
    void aDemotedAdminsOldTokenIsRefusedByTheUseCase() {
        User demoted = app.shop.addUser(UUID.randomUUID() + "@example.com", "password1", Role.ADMIN);
        String oldToken = app.bearer(demoted);
        asAdmin("PATCH", "/api/v1/admin/users/" + demoted.id(), "{\"role\":\"USER\"}");

        var response = app.get("/api/v1/admin/users", "Authorization", oldToken);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_ADMIN");
    }

    @Test
    void createsABookAndAnswersItWithActive() {
        var response = asAdmin("POST", "/api/v1/admin/products", """
                {"title":"Emma","author":"Jane Austen","series":null,"isbn":"978-0-14-143958-7",
                 "priceCents":899,"stock":4,"categorySlugs":["classics"]}""");

        assertThat(response.status()).isEqualTo(201);
        JsonNode book = response.json();
        assertThat(book.get("slug").asText()).isEqualTo("emma");
        assertThat(book.get("isbn").asText()).isEqualTo("9780141439587");
        assertThat(book.get("series").isNull()).isTrue();
        assertThat(book.get("active").asBoolean()).isTrue();
        assertThat(book.get("categories").get(0).get("slug").asText()).isEqualTo("classics");
    }

    @Test
    void aBadBookNamesEveryBrokenField() {
        var response = asAdmin("POST", "/api/v1/admin/products", """
                {"title":"  ","isbn":"123","priceCents":0,"stock":-1,"categorySlugs":["Not A Slug"]}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .containsExactly("title", "author", "isbn", "priceCents", "stock", "categorySlugs");
    }

    @Test
    void wrongJsonTypesInABookAreMalformed() {
        var response = asAdmin("POST", "/api/v1/admin/products", """
                {"title":"T","author":"A","priceCents":"899","stock":1}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void listsEveryBookWithActive() {
        Product hidden = app.shop.addProduct("Hidden " + UUID.randomUUID(), 100, 1);
        app.shop.deactivate(hidden.id());

        var response = app.get("/api/v1/admin/products?size=100", "Authorization", adminAuth);

        assertThat(response.status()).isEqualTo(200);
        assertThat(app.shop.lastProductQuery.includeInactive()).isTrue();
        JsonNode items = response.json().get("items");
        assertThat(items.findValuesAsText("id")).contains(hidden.id().toString());
        items.forEach(item -> assertThat(item.has("active")).isTrue());
    }

    @Test
    void patchesOnlyTheFieldsGivenAndNullClears() {
        Product book = app.shop.addProduct("Patchable " + UUID.randomUUID(), 100, 1);

        var response = asAdmin("PATCH", "/api/v1/admin/products/" + book.id(), """
                {"priceCents":250,"series":null,"active":false}""");

        assertThat(response.status()).isEqualTo(200);
        JsonNode changed = response.json();
        assertThat(changed.get("priceCents").asLong()).isEqualTo(250);
        assertThat(changed.get("series").isNull()).isTrue();
        assertThat(changed.get("active").asBoolean()).isFalse();
        assertThat(changed.get("title").asText()).isEqualTo(book.title());
    }

    @Test
    void aPatchCannotBlankTheTitle() {
        Product book = app.shop.addProduct("Titled " + UUID.randomUUID(), 100, 1);

        var response = asAdmin("PATCH", "/api/v1/admin/products/" + book.id(), "{\"title\":null}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("title");
    }

    @Test
    void setsAndMovesStock() {
        Product book = app.shop.addProduct("Stocked " + UUID.randomUUID(), 100, 5);
        String path = "/api/v1/admin/products/" + book.id() + "/stock";

        var set = asAdmin("PATCH", path, "{\"set\":10}");
        var moved = asAdmin("PATCH", path, "{\"delta\":-3}");
        var negative = asAdmin("PATCH", path, "{\"delta\":-100}");
        var both = asAdmin("PATCH", path, "{\"set\":1,\"delta\":1}");
        var neither = asAdmin("PATCH", path, "{}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("id", "stock", "reserved", "onHand");
        assertThat(set.json().get("stock").asInt()).isEqualTo(10);
        assertThat(set.json().get("onHand").asLong()).isEqualTo(10);
        assertThat(moved.json().get("stock").asInt()).isEqualTo(7);
        assertThat(negative.status()).isEqualTo(409);
        assertThat(negative.json().get("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(both.status()).isEqualTo(422);
        assertThat(neither.status()).isEqualTo(422);
    }

    @Test
    void deletingABookDeactivatesIt() {
        Product book = app.shop.addProduct("Doomed " + UUID.randomUUID(), 100, 1);

        var response = app.delete("/api/v1/admin/products/" + book.id(), "Authorization", adminAuth);
        var malformed = app.delete("/api/v1/admin/products/not-a-uuid", "Authorization", adminAuth);

        assertThat(response.status()).isEqualTo(204);
        assertThat(app.get("/api/v1/products/" + book.slug().value()).status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("MALFORMED_ID");
    }

    @Test
    void createsCategoriesOnceBySlug() {
        var created = asAdmin("POST", "/api/v1/admin/categories", "{\"name\":\"Science Fiction\"}");
        var again = asAdmin("POST", "/api/v1/admin/categories", "{\"name\":\"science  fiction\"}");
        var blank = asAdmin("POST", "/api/v1/admin/categories", "{\"name\":\"\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().properties()).extracting(Map.Entry::getKey).containsExactly("id", "slug", "name");
        assertThat(created.json().get("slug").asText()).isEqualTo("science-fiction");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("CATEGORY_SLUG_TAKEN");
        assertThat(blank.status()).isEqualTo(422);
    }

    @Test
    void listsOrdersWithTheirCustomers() {
        User buyer = app.shop.addUser(UUID.randomUUID() + "@example.com", "password1", Role.USER);
        Product book = app.shop.addProduct("Ordered " + UUID.randomUUID(), 300, 5);
        app.send(
                "POST",
                "/api/v1/cart/add",
                "{\"productId\":\"" + book.id() + "\"}",
                "Authorization",
                app.bearer(buyer));
        app.send("POST", "/api/v1/checkout", null, "Authorization", app.bearer(buyer));

        var response = app.get("/api/v1/admin/orders?status=PAID&userId=" + buyer.id(), "Authorization", adminAuth);

        assertThat(response.status()).isEqualTo(200);
        assertThat(app.shop.lastOrderQuery.status()).contains(OrderStatus.PAID);
        JsonNode order = response.json().get("items").get(0);
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
                        "paidAt",
                        "userId",
                        "userEmail");
        assertThat(order.get("userId").asText()).isEqualTo(buyer.id().toString());
        assertThat(order.get("userEmail").asText()).isEqualTo(buyer.email().value());
    }

    @Test
    void badOrderFiltersAreNamed() {
        var response = app.get("/api/v1/admin/orders?status=SHIPPED&userId=42", "Authorization", adminAuth);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("status", "userId");
    }

    @Test
    void listsAndUpdatesUsers() {
        User user = app.shop.addUser(UUID.randomUUID() + "@example.com", "password1", Role.USER);

        var list = app.get("/api/v1/admin/users?size=100", "Authorization", adminAuth);
        var updated = asAdmin("PATCH", "/api/v1/admin/users/" + user.id(), "{\"active\":false,\"role\":\"ADMIN\"}");
        var unknownRole = asAdmin("PATCH", "/api/v1/admin/users/" + user.id(), "{\"role\":\"OWNER\"}");
        var missing = asAdmin("PATCH", "/api/v1/admin/users/" + UUID.randomUUID(), "{\"active\":true}");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsText("email"))
                .contains(user.email().value());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("active").asBoolean()).isFalse();
        assertThat(updated.json().get("role").asText()).isEqualTo("ADMIN");
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("USER_NOT_FOUND");
    }
}
