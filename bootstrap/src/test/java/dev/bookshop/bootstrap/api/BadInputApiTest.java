package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Api.Session;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Stock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input that is not what a route reads: broken or mistyped JSON (400), other media types (415), bodies over 1 MiB
 * (413), malformed path ids (400), unknown routes and methods (404, 405). Every refusal is a problem document; none
 * is a 500 (the shared client checks that on every answer).
 */
class BadInputApiTest {

    private static Api api;
    private static Session ann;
    private static String bookId;

    @BeforeAll
    static void start() {
        api = Api.start();
        ann = api.newCustomer();
        bookId = api.newBook(1000, 50).get("id").asText();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Every route that reads a JSON body, with who calls it and a path that exists. */
    private static List<BodyRoute> bodyRoutes() {
        String[] none = new String[0];
        String[] customer = ann.auth();
        String[] admin = api.admin().auth();
        return List.of(
                new BodyRoute("POST", V1 + "/auth/signup", none),
                new BodyRoute("POST", V1 + "/auth/login", none),
                new BodyRoute("POST", V1 + "/auth/refresh", none),
                new BodyRoute("POST", V1 + "/auth/logout", none),
                new BodyRoute("POST", V1 + "/users/me/password", customer),
                new BodyRoute("POST", V1 + "/cart/add", customer),
                new BodyRoute("POST", V1 + "/cart/remove", customer),
                new BodyRoute("POST", V1 + "/admin/products", admin),
                new BodyRoute("PATCH", V1 + "/admin/products/" + bookId, admin),
                new BodyRoute("PATCH", V1 + "/admin/products/" + bookId + "/stock", admin),
                new BodyRoute("POST", V1 + "/admin/categories", admin),
                new BodyRoute("PATCH", V1 + "/admin/users/" + ann.id(), admin));
    }

    record BodyRoute(String method, String path, String[] auth) {

        String[] with(String... more) {
            String[] all = new String[auth.length + more.length];
            System.arraycopy(auth, 0, all, 0, auth.length);
            System.arraycopy(more, 0, all, auth.length, more.length);
            return all;
        }
    }

    private static void assertProblem(Response answer, int status, String code, String what) {
        assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).as(what).isEqualTo(code);
    }

    @Test
    void malformedJsonIs400OnEveryBodyRoute() {
        for (BodyRoute route : bodyRoutes()) {
            for (String body : new String[] {
                "{", "{\"email\": }", "not json", "[1, 2", "{\"a\":1,\"a\":2}", "{'a':1}", "{\"a\":01}"
            }) {
                assertProblem(
                        api.send(route.method(), route.path(), body, route.auth()),
                        400,
                        "MALFORMED_JSON",
                        route.method() + " " + route.path() + " " + body);
            }
        }
    }

    @Test
    void trailingTextAfterTheObjectIsMalformedJson() {
        for (BodyRoute route : bodyRoutes()) {
            for (String body : new String[] {"{\"a\":1}}", "{} {}", "{\"a\":1} trailing"}) {
                assertProblem(
                        api.send(route.method(), route.path(), body, route.auth()),
                        400,
                        "MALFORMED_JSON",
                        route.method() + " " + route.path() + " " + body);
            }
        }
    }

    @Test
    void aBodyThatIsNotAnObjectOrIsEmptyIs400() {
        for (BodyRoute route : bodyRoutes()) {
            for (String body : new String[] {"[]", "\"text\"", "42", "null", "true", ""}) {
                assertProblem(
                        api.send(route.method(), route.path(), body, route.auth()),
                        400,
                        "MALFORMED_JSON",
                        route.method() + " " + route.path() + " [" + body + "]");
            }
        }
    }

    @Test
    void wrongJsonTypesAre400() {
        Map<String, Map<String, Object>> wrong = Map.of(
                V1 + "/auth/signup", Map.of("email", 42, "password", List.of("x")),
                V1 + "/auth/login", Map.of("email", true, "password", "x"),
                V1 + "/auth/refresh", Map.of("refreshToken", Map.of("nested", 1)),
                V1 + "/cart/add", Map.of("productId", bookId, "quantity", "1"),
                V1 + "/cart/remove", Map.of("productId", bookId, "quantity", 1.5),
                V1 + "/admin/products", Map.of("title", "T", "author", "A", "priceCents", 10.5, "stock", 1),
                V1 + "/admin/categories", Map.of("name", 7));
        for (var entry : wrong.entrySet()) {
            String[] auth = entry.getKey().contains("/admin/")
                    ? api.admin().auth()
                    : entry.getKey().contains("/cart/") ? ann.auth() : new String[0];
            assertProblem(api.post(entry.getKey(), entry.getValue(), auth), 400, "MALFORMED_JSON", entry.getKey());
        }
        assertProblem(
                api.patch(
                        V1 + "/admin/users/" + ann.id(),
                        Map.of("role", "EMPEROR"),
                        api.admin().auth()),
                400,
                "MALFORMED_JSON",
                "unknown enum value");
        assertProblem(
                api.patch(
                        V1 + "/admin/products/" + bookId + "/stock",
                        Map.of("delta", "+1"),
                        api.admin().auth()),
                400,
                "MALFORMED_JSON",
                "delta as text");
    }

    @Test
    void anotherMediaTypeIs415OnEveryBodyRoute() {
        for (BodyRoute route : bodyRoutes()) {
            for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml"}) {
                assertProblem(
                        api.send(route.method(), route.path(), "{}", route.with("Content-Type", type)),
                        415,
                        "UNSUPPORTED_MEDIA_TYPE",
                        route.method() + " " + route.path() + " as " + type);
            }
            HttpRequest.Builder untyped =
                    api.request(route.path()).method(route.method(), HttpRequest.BodyPublishers.ofString("{}"));
            for (int i = 0; i < route.auth().length; i += 2) {
                untyped.header(route.auth()[i], route.auth()[i + 1]);
            }
            assertProblem(api.exchange(untyped), 415, "UNSUPPORTED_MEDIA_TYPE", route.path() + " without a type");
        }
    }

    @Test
    void jsonWithACharsetOrAStructuredSuffixIsJson() {
        Response charset = api.post(
                V1 + "/auth/signup",
                Map.of("email", Api.freshEmail(), "password", Api.PASSWORD),
                "Content-Type",
                "application/json; charset=utf-8");
        Response suffix = api.post(
                V1 + "/auth/signup",
                Map.of("email", Api.freshEmail(), "password", Api.PASSWORD),
                "Content-Type",
                "application/vnd.bookshop+json");

        assertThat(charset.status()).isEqualTo(201);
        assertThat(suffix.status()).isEqualTo(201);
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String huge = "{\"title\":\"" + "x".repeat(1024 * 1024) + "\"}";
        for (BodyRoute route : bodyRoutes()) {
            assertProblem(
                    sendExpectingContinue(route, huge), 413, "PAYLOAD_TOO_LARGE", route.method() + " " + route.path());
        }
        String justUnder = "{\"name\":\"" + "x".repeat(1024 * 1024 - 20) + "\"}";
        Response big = api.post(V1 + "/admin/categories", justUnder, api.admin().auth());
        assertThat(big.status())
                .as("under the limit the body is read, and its name is too long")
                .isEqualTo(422);
    }

    /**
     * A server that refuses a body by its declared length answers before reading it and closes the connection; a
     * client still writing may then see a broken pipe instead of the answer. Waiting for 100-continue, as clients
     * sending large bodies should, lets the refusal arrive first.
     */
    private static Response sendExpectingContinue(BodyRoute route, String body) {
        HttpRequest.Builder request = api.request(route.path())
                .version(HttpClient.Version.HTTP_1_1)
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .method(route.method(), HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < route.auth().length; i += 2) {
            request.header(route.auth()[i], route.auth()[i + 1]);
        }
        return api.exchange(request);
    }

    @Test
    void aMalformedIdInThePathIs400() {
        String[] admin = api.admin().auth();
        for (String bad : new String[] {
            "not-a-uuid", "123", "6f1c2a4e9d1b4c558a1e2b7d9c3f4a10", "6f1c2a4e-9d1b-4c55-8a1e-2b7d9c3f4a1Z"
        }) {
            assertProblem(api.get(V1 + "/orders/" + bad, ann.auth()), 400, "MALFORMED_ID", "order " + bad);
            assertProblem(
                    api.patch(V1 + "/admin/products/" + bad, Map.of("priceCents", 100), admin),
                    400,
                    "MALFORMED_ID",
                    "product " + bad);
            assertProblem(
                    api.patch(V1 + "/admin/products/" + bad + "/stock", Map.of("set", 1), admin),
                    400,
                    "MALFORMED_ID",
                    "stock " + bad);
            assertProblem(api.delete(V1 + "/admin/products/" + bad, admin), 400, "MALFORMED_ID", "delete " + bad);
            assertProblem(
                    api.patch(V1 + "/admin/users/" + bad, Map.of("active", true), admin),
                    400,
                    "MALFORMED_ID",
                    "user " + bad);
        }
        assertThat(api.get(V1 + "/products/not-a-uuid-nor-a-known-slug").status())
                .as("a product is read by id or slug, so any text is a key")
                .isEqualTo(404);
    }

    @Test
    void unknownRoutesAre404AndUnknownMethods405WithAllow() {
        Response unknown = api.get(V1 + "/nothing/here");
        Response wrongMethod = api.send("PUT", V1 + "/cart", "{}", ann.auth());
        Response deleteCart = api.delete(V1 + "/checkout", ann.auth());

        assertProblem(unknown, 404, "NOT_FOUND", "unknown route");
        assertProblem(wrongMethod, 405, "METHOD_NOT_ALLOWED", "PUT /cart");
        assertThat(wrongMethod.header("Allow")).contains("GET");
        assertProblem(deleteCart, 405, "METHOD_NOT_ALLOWED", "DELETE /checkout");
        assertThat(deleteCart.header("Allow")).contains("POST");
        assertThat(api.get(V1 + "/cart/", ann.auth()).status())
                .as("a trailing slash is ignored")
                .isEqualTo(200);
    }

    @Test
    void hugeNumbersAreRuleViolationsNotFailures() {
        String[] admin = api.admin().auth();
        String hugeInt = "1" + "0".repeat(40);

        Response price = api.post(
                V1 + "/admin/products",
                "{\"title\":\"T\",\"author\":\"A\",\"priceCents\":" + hugeInt + ",\"stock\":1}",
                admin);
        Response stock = api.patch(V1 + "/admin/products/" + bookId + "/stock", "{\"delta\":" + hugeInt + "}", admin);
        Response quantity = api.post(
                V1 + "/cart/add", "{\"productId\":\"" + bookId + "\",\"quantity\":" + hugeInt + "}", ann.auth());

        assertThat(AuthApiTest.fields(price)).containsExactly("priceCents");
        assertThat(AuthApiTest.fields(stock)).containsExactly("delta");
        assertThat(AuthApiTest.fields(quantity)).containsExactly("quantity");
        assertThat(api.stockOf(bookId)).isEqualTo(50);
    }

    @Test
    void aCartLineCannotOverflowIntoAcceptance() {
        Session bob = api.newCustomer();
        api.added(bob, bookId, 1);

        Response overflow = api.addToCart(bob, bookId, Integer.MAX_VALUE);

        assertThat(overflow.status()).as("%s", overflow).isIn(409, 422);
        assertThat(CartApiTest.line(api.get(V1 + "/cart", bob.auth()).json(), bookId)
                        .get("quantity")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aStockMovePastTheLargestCountIsRefusedNotAFailure() {
        Response overflow = api.patch(
                V1 + "/admin/products/" + bookId + "/stock",
                Map.of("delta", Integer.MAX_VALUE),
                api.admin().auth());

        assertThat(overflow.status()).as("%s", overflow).isIn(409, 422);
        assertThat(api.stockOf(bookId)).isEqualTo(50);
    }

    @Test
    void theLongestAllowedValuesAreStoredAndOneMoreIsRefused() {
        String title = "t".repeat(290) + UUID.randomUUID().toString().substring(0, 10);
        Response longest = api.post(
                V1 + "/admin/products",
                Map.of(
                        "title",
                        title,
                        "author",
                        "a".repeat(200),
                        "series",
                        "s".repeat(200),
                        "description",
                        "d".repeat(10_000),
                        "priceCents",
                        Price.MAX_CENTS,
                        "stock",
                        Stock.MAX),
                api.admin().auth());
        Response dearer = api.post(
                V1 + "/admin/products",
                Map.of("title", "Dearer", "author", "a", "priceCents", Price.MAX_CENTS + 1, "stock", 1),
                api.admin().auth());
        Response moreCopies = api.post(
                V1 + "/admin/products",
                Map.of("title", "More copies", "author", "a", "priceCents", 100, "stock", Stock.MAX + 1),
                api.admin().auth());
        Response category = api.post(
                V1 + "/admin/categories",
                Map.of("name", UUID.randomUUID() + "c".repeat(64)),
                api.admin().auth());
        String localPart = "r" + UUID.randomUUID().toString().replace("-", "");
        Response longEmail = api.post(
                V1 + "/auth/signup",
                Map.of("email", localPart + "@" + "e".repeat(300) + ".example", "password", Api.PASSWORD));
        Response widePassword =
                api.post(V1 + "/auth/signup", Map.of("email", Api.freshEmail(), "password", "é".repeat(36)));
        Response tooWide = api.post(V1 + "/auth/signup", Map.of("email", Api.freshEmail(), "password", "é".repeat(37)));

        assertThat(longest.status()).as("%s", longest).isEqualTo(201);
        assertThat(longest.json().get("title").asText()).isEqualTo(title);
        assertThat(category.status()).as("%s", category).isEqualTo(201);
        assertThat(AuthApiTest.fields(dearer)).containsExactly("priceCents");
        assertThat(AuthApiTest.fields(moreCopies)).containsExactly("stock");
        assertThat(AuthApiTest.fields(longEmail)).containsExactly("email");
        assertThat(widePassword.status()).as("72 bytes of UTF-8").isEqualTo(201);
        assertThat(AuthApiTest.fields(tooWide)).containsExactly("password");
    }

    @Test
    void aVeryLatePageOfAnyListIsAnAnswerNotAFailure() {
        String late = "?page=2147483647&size=100";
        for (String path : new String[] {V1 + "/orders/me" + late, V1 + "/products/search" + late + "&q=x"}) {
            assertThat(api.get(path, ann.auth()).status()).as(path).isIn(200, 422);
        }
        for (String path :
                new String[] {V1 + "/admin/products" + late, V1 + "/admin/orders" + late, V1 + "/admin/users" + late}) {
            assertThat(api.get(path, api.admin().auth()).status()).as(path).isIn(200, 422);
        }
    }

    @Test
    void textIsStoredAndAnsweredAsIs() {
        String title = "Ünïcödé \"quoted\" <b>&</b> 日本語 " + UUID.randomUUID();

        JsonNode book = api.newBook(100, 1, Map.of("title", title, "description", "Line one.\nLine two.\t\u00e9"));

        assertThat(api.get(V1 + "/products/" + book.get("id").asText())
                        .json()
                        .get("title")
                        .asText())
                .isEqualTo(title);
        assertThat(book.get("slug").asText()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @Test
    void everyAnswerCarriesARequestIdTheCallersWhenSane() {
        Response mine = api.get(V1 + "/products", "X-Request-Id", "trace-abc-123");
        Response insane = api.get(V1 + "/products", "X-Request-Id", "x".repeat(200));
        Response none = api.get(V1 + "/nothing");

        assertThat(mine.header("X-Request-Id")).isEqualTo("trace-abc-123");
        assertThat(insane.header("X-Request-Id")).isNotEqualTo("x".repeat(200)).isNotBlank();
        assertThat(none.header("X-Request-Id")).isNotBlank();
    }
}
