package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Api.Session;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call what: every documented route, called by five callers — nobody, the owner of the resources named, another
 * customer, the admin, and a customer deactivated after their token was issued — each with a request that would
 * succeed for someone allowed, so the status says only whether the caller is.
 */
class AuthorisationMatrixApiTest {

    /** The five callers, in the order of the expectation columns. */
    enum Caller {
        ANONYMOUS,
        OWNER,
        OTHER_USER,
        ADMIN,
        DEACTIVATED
    }

    private static Api api;
    private static Map<Caller, Session> sessions;
    private static String ownersOrder;
    private static JsonNode book;
    private static String shippingMethodId;
    private static String discountId;
    private static String discountCode;

    @BeforeAll
    static void start() {
        api = Api.start();
        Session owner = api.newCustomer();
        Session deactivated = api.newCustomer();
        ownersOrder = api.paidOrder(owner).at("/order/id").asText();
        book = api.newBook(1000, 10_000, Map.of("description", "zqmatrixword"));
        api.deactivate(deactivated);
        shippingMethodId = api.post(
                        V1 + "/admin/shipping-methods",
                        Map.of("name", "Matrix", "countries", List.of("DE"), "priceCents", 490),
                        api.admin().auth())
                .json()
                .get("id")
                .asText();
        discountCode = Api.unique("MATRIX").replaceAll("[^A-Za-z0-9_-]", "-");
        discountId = api.post(
                        V1 + "/admin/discounts",
                        Map.of("code", discountCode, "kind", "PERCENT", "value", 5),
                        api.admin().auth())
                .json()
                .get("id")
                .asText();
        sessions = Map.of(
                Caller.OWNER,
                owner,
                Caller.OTHER_USER,
                api.newCustomer(),
                Caller.ADMIN,
                api.admin(),
                Caller.DEACTIVATED,
                deactivated);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A request, built for the caller who sends it. */
    record Call(String method, String path, Object body) {}

    /**
     * A route and what each caller gets, in {@link Caller} order. "403:NOT_ADMIN" also checks the problem code; a 401
     * and a 403 are always checked for a problem code of the right family.
     */
    record Row(String method, String template, Function<Session, Call> call, String... expected) {}

    private static final String PUBLIC_OK = "200";

    private static String[] all(String status) {
        return new String[] {status, status, status, status, status};
    }

    private static String[] customer(String ok) {
        return new String[] {"401", ok, ok, ok, ok};
    }

    private static String[] activeCustomer(String ok) {
        return new String[] {"401", ok, ok, ok, "403:USER_INACTIVE"};
    }

    private static String[] admin(String ok) {
        return new String[] {"401", "403:FORBIDDEN", "403:FORBIDDEN", ok, "403:FORBIDDEN"};
    }

    private static String bookId() {
        return book.get("id").asText();
    }

    /** Puts a copy of the matrix's book in the caller's cart, when the caller can have one. */
    private static void fillCart(Session who) {
        if (who != null && who != sessions.get(Caller.DEACTIVATED)) {
            api.added(who, bookId(), 1);
        }
    }

    /**
     * A session of the caller's to end: a new login of theirs, so the matrix's own sessions survive. Nobody and a
     * deactivated caller (who cannot log in) get an id that names no session; they are refused before it matters.
     */
    private static String ownSession(Session who) {
        if (who == null || who == sessions.get(Caller.DEACTIVATED)) {
            return UUID.randomUUID().toString();
        }
        return Api.sessionOf(api.logIn(who.email(), who.password()).accessToken());
    }

    private static final Map<String, Object> ADDRESS = Map.of(
            "name", "Ann Reader", "line1", "Hauptstraße 1", "city", "Berlin", "postalCode", "10115", "country", "DE");

    /**
     * A fresh address in the owner's book, for every caller: the owner changes or deletes their own, everyone else
     * aims at an address that exists but is not theirs. The template check (no caller) needs only an id.
     */
    private static String ownersAddress(Session who) {
        if (who == null) {
            return UUID.randomUUID().toString();
        }
        Response added = api.post(
                V1 + "/users/me/addresses", ADDRESS, sessions.get(Caller.OWNER).auth());
        assertThat(added.status()).as("the owner saves an address: %s", added).isEqualTo(201);
        return added.json().get("id").asText();
    }

    static List<Row> rows() {
        return List.of(
                new Row(
                        "POST",
                        "/api/v1/auth/signup",
                        who -> new Call(
                                "POST",
                                V1 + "/auth/signup",
                                Map.of("email", Api.freshEmail(), "password", Api.PASSWORD)),
                        all("201")),
                new Row(
                        "POST",
                        "/api/v1/auth/login",
                        who -> {
                            Session someone = api.newCustomer();
                            return new Call(
                                    "POST",
                                    V1 + "/auth/login",
                                    Map.of("email", someone.email(), "password", someone.password()));
                        },
                        all("200")),
                new Row(
                        "POST",
                        "/api/v1/auth/refresh",
                        who -> new Call(
                                "POST",
                                V1 + "/auth/refresh",
                                Map.of("refreshToken", api.newCustomer().refreshToken())),
                        all("200")),
                new Row(
                        "POST",
                        "/api/v1/auth/logout",
                        who -> new Call(
                                "POST",
                                V1 + "/auth/logout",
                                Map.of("refreshToken", api.newCustomer().refreshToken())),
                        all("204")),
                new Row(
                        "POST",
                        "/api/v1/auth/password-reset",
                        who -> new Call("POST", V1 + "/auth/password-reset", Map.of("email", Api.freshEmail())),
                        all("202")),
                new Row(
                        "POST",
                        "/api/v1/auth/password-reset/confirm",
                        who -> new Call(
                                "POST",
                                V1 + "/auth/password-reset/confirm",
                                Map.of("token", "not-a-token-anyone-was-sent", "newPassword", Api.PASSWORD)),
                        all("401:INVALID_TOKEN")),
                new Row(
                        "POST",
                        "/api/v1/auth/verify-email",
                        who -> new Call(
                                "POST", V1 + "/auth/verify-email", Map.of("token", "not-a-token-anyone-was-sent")),
                        all("401:INVALID_TOKEN")),
                new Row(
                        "POST",
                        "/api/v1/users/me/verify-email",
                        who -> new Call("POST", V1 + "/users/me/verify-email", null),
                        // The operator's administrators count as verified; customers start unverified.
                        "401",
                        "202",
                        "202",
                        "409:EMAIL_ALREADY_VERIFIED",
                        "403:USER_INACTIVE"),
                // A wrong password: the route is reached and refuses, and nobody's address moves.
                new Row(
                        "POST",
                        "/api/v1/users/me/email",
                        who -> new Call(
                                "POST",
                                V1 + "/users/me/email",
                                Map.of("newEmail", Api.freshEmail(), "password", "not the password")),
                        activeCustomer("401:INVALID_CREDENTIALS")),
                new Row("GET", "/api/v1/users/me", who -> new Call("GET", V1 + "/users/me", null), customer("200")),
                new Row(
                        "POST",
                        "/api/v1/users/me/password",
                        who -> new Call(
                                "POST",
                                V1 + "/users/me/password",
                                Map.of(
                                        "currentPassword",
                                        who == null ? Api.PASSWORD : who.password(),
                                        "newPassword",
                                        who == null ? Api.PASSWORD : who.password())),
                        activeCustomer("204")),
                new Row(
                        "GET",
                        "/api/v1/users/me/sessions",
                        who -> new Call("GET", V1 + "/users/me/sessions", null),
                        customer("200")),
                new Row(
                        "DELETE",
                        "/api/v1/users/me/sessions/{sessionId}",
                        who -> new Call("DELETE", V1 + "/users/me/sessions/" + ownSession(who), null),
                        activeCustomer("204")),
                new Row(
                        "GET",
                        "/api/v1/users/me/export",
                        who -> new Call("GET", V1 + "/users/me/export", null),
                        customer("200")),
                // A wrong password, so the callers the route lets in are told INVALID_CREDENTIALS instead of
                // having their accounts erased under the rest of the matrix.
                new Row(
                        "DELETE",
                        "/api/v1/users/me",
                        who -> new Call("DELETE", V1 + "/users/me", Map.of("password", "not the password")),
                        "401",
                        "401:INVALID_CREDENTIALS",
                        "401:INVALID_CREDENTIALS",
                        "401:INVALID_CREDENTIALS",
                        "403:USER_INACTIVE"),
                new Row(
                        "GET",
                        "/api/v1/users/me/addresses",
                        who -> new Call("GET", V1 + "/users/me/addresses", null),
                        customer("200")),
                new Row(
                        "POST",
                        "/api/v1/users/me/addresses",
                        who -> new Call("POST", V1 + "/users/me/addresses", ADDRESS),
                        activeCustomer("201")),
                // Always the owner's address: everyone else is told it does not exist.
                new Row(
                        "PATCH",
                        "/api/v1/users/me/addresses/{id}",
                        who -> new Call(
                                "PATCH", V1 + "/users/me/addresses/" + ownersAddress(who), Map.of("name", "Ann")),
                        "401",
                        "200",
                        "404:ADDRESS_NOT_FOUND",
                        "404:ADDRESS_NOT_FOUND",
                        "403:USER_INACTIVE"),
                new Row(
                        "DELETE",
                        "/api/v1/users/me/addresses/{id}",
                        who -> new Call("DELETE", V1 + "/users/me/addresses/" + ownersAddress(who), null),
                        "401",
                        "204",
                        "404:ADDRESS_NOT_FOUND",
                        "404:ADDRESS_NOT_FOUND",
                        "403:USER_INACTIVE"),
                new Row("GET", "/api/v1/products", who -> new Call("GET", V1 + "/products", null), all(PUBLIC_OK)),
                new Row(
                        "GET",
                        "/api/v1/products/search",
                        who -> new Call("GET", V1 + "/products/search?q=zqmatrixword", null),
                        all(PUBLIC_OK)),
                new Row(
                        "GET",
                        "/api/v1/products/facets",
                        who -> new Call("GET", V1 + "/products/facets?inStock=true", null),
                        all(PUBLIC_OK)),
                new Row(
                        "GET",
                        "/api/v1/products/suggest",
                        who -> new Call("GET", V1 + "/products/suggest?q=zqmatrix", null),
                        all(PUBLIC_OK)),
                new Row(
                        "GET",
                        "/api/v1/products/{idOrSlug}",
                        who -> new Call(
                                "GET", V1 + "/products/" + book.get("slug").asText(), null),
                        all(PUBLIC_OK)),
                new Row("GET", "/api/v1/categories", who -> new Call("GET", V1 + "/categories", null), all(PUBLIC_OK)),
                new Row("GET", "/api/v1/cart", who -> new Call("GET", V1 + "/cart", null), customer("200")),
                new Row(
                        "POST",
                        "/api/v1/cart/add",
                        who -> new Call("POST", V1 + "/cart/add", Map.of("productId", bookId(), "quantity", 1)),
                        activeCustomer("200")),
                new Row(
                        "POST",
                        "/api/v1/cart/remove",
                        who -> {
                            fillCart(who);
                            return new Call("POST", V1 + "/cart/remove", Map.of("productId", bookId()));
                        },
                        activeCustomer("200")),
                new Row(
                        "PATCH",
                        "/api/v1/cart/items/{productId}",
                        who -> {
                            fillCart(who);
                            return new Call("PATCH", V1 + "/cart/items/" + bookId(), Map.of("quantity", 1));
                        },
                        activeCustomer("200")),
                new Row(
                        "POST",
                        "/api/v1/cart/discount",
                        who -> new Call("POST", V1 + "/cart/discount", Map.of("code", discountCode)),
                        activeCustomer("200")),
                new Row(
                        "DELETE",
                        "/api/v1/cart/discount",
                        who -> new Call("DELETE", V1 + "/cart/discount", null),
                        activeCustomer("200")),
                new Row("POST", "/api/v1/carts", who -> new Call("POST", V1 + "/carts", null), all("201")),
                new Row(
                        "POST",
                        "/api/v1/checkout",
                        who -> {
                            fillCart(who);
                            // The shop ships (the Matrix method), so a checkout names where and how.
                            return new Call("POST", V1 + "/checkout", shippedToBerlin());
                        },
                        activeCustomer("201")),
                new Row(
                        "POST",
                        "/api/v1/checkout/quote",
                        who -> {
                            fillCart(who);
                            return new Call("POST", V1 + "/checkout/quote", shippedToBerlin());
                        },
                        activeCustomer("200")),
                new Row("GET", "/api/v1/orders/me", who -> new Call("GET", V1 + "/orders/me", null), customer("200")),
                new Row(
                        "GET",
                        "/api/v1/orders/{id}",
                        who -> new Call("GET", V1 + "/orders/" + ownersOrder, null),
                        "401",
                        "200",
                        "404:ORDER_NOT_FOUND",
                        "404:ORDER_NOT_FOUND",
                        "404:ORDER_NOT_FOUND"),
                new Row(
                        "GET",
                        "/api/v1/admin/products",
                        who -> new Call("GET", V1 + "/admin/products", null),
                        admin("200")),
                new Row(
                        "POST",
                        "/api/v1/admin/products",
                        who -> new Call(
                                "POST",
                                V1 + "/admin/products",
                                Map.of("title", Api.unique("Matrix"), "author", "M", "priceCents", 100, "stock", 1)),
                        admin("201")),
                new Row(
                        "PATCH",
                        "/api/v1/admin/products/{id}",
                        who -> new Call("PATCH", V1 + "/admin/products/" + bookId(), Map.of("priceCents", 1000)),
                        admin("200")),
                new Row(
                        "PATCH",
                        "/api/v1/admin/products/{id}/stock",
                        who -> new Call("PATCH", V1 + "/admin/products/" + bookId() + "/stock", Map.of("delta", 1)),
                        admin("200")),
                new Row(
                        "DELETE",
                        "/api/v1/admin/products/{id}",
                        who -> new Call(
                                "DELETE",
                                V1 + "/admin/products/"
                                        + api.newBook(100, 1).get("id").asText(),
                                null),
                        admin("204")),
                new Row(
                        "POST",
                        "/api/v1/admin/categories",
                        who -> new Call("POST", V1 + "/admin/categories", Map.of("name", Api.unique("Matrix"))),
                        admin("201")),
                new Row(
                        "GET",
                        "/api/v1/admin/orders",
                        who -> new Call("GET", V1 + "/admin/orders", null),
                        admin("200")),
                new Row("GET", "/api/v1/admin/users", who -> new Call("GET", V1 + "/admin/users", null), admin("200")),
                new Row(
                        "PATCH",
                        "/api/v1/admin/users/{id}",
                        who -> new Call(
                                "PATCH",
                                V1 + "/admin/users/" + api.newCustomer().id(),
                                Map.of("active", true)),
                        admin("200")),
                new Row(
                        "GET",
                        "/api/v1/admin/shipping-methods",
                        who -> new Call("GET", V1 + "/admin/shipping-methods", null),
                        admin("200")),
                new Row(
                        "POST",
                        "/api/v1/admin/shipping-methods",
                        who -> new Call(
                                "POST",
                                V1 + "/admin/shipping-methods",
                                Map.of("name", Api.unique("Matrix"), "countries", List.of("DE"), "priceCents", 490)),
                        admin("201")),
                new Row(
                        "PATCH",
                        "/api/v1/admin/shipping-methods/{id}",
                        who -> new Call(
                                "PATCH", V1 + "/admin/shipping-methods/" + shippingMethodId, Map.of("active", true)),
                        admin("200")),
                new Row(
                        "GET",
                        "/api/v1/admin/discounts",
                        who -> new Call("GET", V1 + "/admin/discounts", null),
                        admin("200")),
                new Row(
                        "POST",
                        "/api/v1/admin/discounts",
                        who -> new Call(
                                "POST",
                                V1 + "/admin/discounts",
                                Map.of(
                                        "code",
                                        Api.unique("M").replaceAll("[^A-Za-z0-9_-]", "-"),
                                        "kind",
                                        "AMOUNT",
                                        "value",
                                        100)),
                        admin("201")),
                new Row(
                        "PATCH",
                        "/api/v1/admin/discounts/{id}",
                        who -> new Call("PATCH", V1 + "/admin/discounts/" + discountId, Map.of("active", true)),
                        admin("200")),
                new Row(
                        "GET",
                        "/api/v1/admin/tax-rates",
                        who -> new Call("GET", V1 + "/admin/tax-rates", null),
                        admin("200")),
                new Row(
                        "PUT",
                        "/api/v1/admin/tax-rates/{country}",
                        who -> new Call("PUT", V1 + "/admin/tax-rates/DE", Map.of("rateBasisPoints", 700)),
                        admin("200")),
                new Row(
                        "GET",
                        "/api/v1/shipping-methods",
                        who -> new Call("GET", V1 + "/shipping-methods?country=DE", null),
                        all(PUBLIC_OK)),
                new Row(
                        "POST",
                        "/api/v1/payments/stripe/webhook",
                        who -> new Call("POST", V1 + "/payments/stripe/webhook", Map.of("type", "ping")),
                        all("404:NOT_FOUND")),
                new Row("GET", "/health/live", who -> new Call("GET", "/health/live", null), all(PUBLIC_OK)),
                new Row("GET", "/health/ready", who -> new Call("GET", "/health/ready", null), all(PUBLIC_OK)),
                new Row("GET", "/openapi.json", who -> new Call("GET", "/openapi.json", null), all(PUBLIC_OK)),
                new Row("GET", "/metrics", who -> new Call("GET", "/metrics", null), all(PUBLIC_OK)),
                new Row("GET", "/docs", who -> new Call("GET", "/docs", null), all(PUBLIC_OK)),
                new Row("GET", "/docs/{asset}", who -> new Call("GET", "/docs/init.js", null), all(PUBLIC_OK)));
    }

    private static Map<String, Object> shippedToBerlin() {
        return Map.of(
                "shippingAddress",
                Map.of(
                        "name",
                        "Ann",
                        "line1",
                        "Hauptstraße 1",
                        "city",
                        "Berlin",
                        "postalCode",
                        "10115",
                        "country",
                        "DE"),
                "shippingMethodId",
                shippingMethodId);
    }

    @TestFactory
    Stream<DynamicContainer> everyRouteForEveryCaller() {
        return rows().stream()
                .map(row -> DynamicContainer.dynamicContainer(
                        row.method() + " " + row.template(),
                        Stream.of(Caller.values())
                                .map(caller -> DynamicTest.dynamicTest(
                                        caller + " → " + row.expected()[caller.ordinal()], () -> check(row, caller)))));
    }

    private static void check(Row row, Caller caller) {
        Session who = sessions.get(caller);
        Call call = row.call().apply(who);
        String[] headers = who == null ? new String[0] : who.auth();
        Response answer = api.send(call.method(), call.path(), call.body(), headers);

        String expected = row.expected()[caller.ordinal()];
        String[] statusAndCode = expected.split(":");
        assertThat(answer.status())
                .as("%s %s by %s: %s", row.method(), row.template(), caller, answer)
                .isEqualTo(Integer.parseInt(statusAndCode[0]));
        if (statusAndCode.length > 1) {
            assertThat(answer.json().get("code").asText()).isEqualTo(statusAndCode[1]);
        } else if (answer.status() == 401) {
            assertThat(answer.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void theMatrixCoversEveryDocumentedOperation() {
        Set<String> covered = new TreeSet<>();
        for (Row row : rows()) {
            covered.add(row.method() + " " + row.template());
            assertThat(api.contract()
                            .templateOf(row.method(), row.call().apply(null).path()))
                    .as("the row's request matches its own template")
                    .contains(row.template());
        }

        assertThat(covered).isEqualTo(api.contract().operations());
    }

    @Test
    void aCallerWithoutCredentialsIsToldHowToAuthenticate() {
        Set<String> guarded = new TreeSet<>();
        for (Row row : rows()) {
            if (row.expected()[Caller.ANONYMOUS.ordinal()].equals("401")) {
                guarded.add(row.method() + " " + row.template());
            }
        }

        // The routes that refuse a caller without credentials are exactly the ones documented as needing them.
        assertThat(guarded).isEqualTo(api.contract().guardedOperations());
        Response answer = api.get(V1 + "/cart");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"bookshop\"");
    }

    /**
     * A guest cart token opens the cart's routes and nothing else: every other guarded route still wants a bearer
     * token, checkout included.
     */
    @Test
    void aGuestCartTokenOpensTheCartRoutesOnly() {
        String token = api.post(V1 + "/carts", null).json().get("cartToken").asText();
        Set<String> cartRoutes = Set.of(
                "GET /api/v1/cart",
                "POST /api/v1/cart/add",
                "POST /api/v1/cart/remove",
                "PATCH /api/v1/cart/items/{productId}",
                "POST /api/v1/cart/discount",
                "DELETE /api/v1/cart/discount");

        for (Row row : rows()) {
            String key = row.method() + " " + row.template();
            if (!row.expected()[Caller.ANONYMOUS.ordinal()].equals("401")) {
                continue;
            }
            if (key.equals("POST /api/v1/cart/remove") || key.startsWith("PATCH /api/v1/cart/items")) {
                api.post(V1 + "/cart/add", Map.of("productId", bookId()), "X-Cart-Token", token);
            }
            Call call = row.call().apply(null);
            Response answer = api.send(call.method(), call.path(), call.body(), "X-Cart-Token", token);
            assertThat(answer.status())
                    .as("%s with a guest cart token: %s", key, answer)
                    .isEqualTo(cartRoutes.contains(key) ? 200 : 401);
        }
    }
}
