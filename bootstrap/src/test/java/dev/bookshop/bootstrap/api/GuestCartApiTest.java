package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.PASSWORD;
import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Api.Session;
import dev.bookshop.domain.auth.TokenHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Guest carts over HTTP: POST /carts, every cart route with X-Cart-Token, forged and expired tokens, the merge on
 * login and signup with its report, and PATCH /cart/items/{productId} for accounts and guests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestCartApiTest {

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

    private static String newCart() {
        Response created = api.post(V1 + "/carts", null);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("cartToken").asText();
    }

    private static Response addAsGuest(String token, String productId, int quantity) {
        return api.post(V1 + "/cart/add", Map.of("productId", productId, "quantity", quantity), HEADER, token);
    }

    private static String bookId(long priceCents, int stock) {
        return api.newBook(priceCents, stock).get("id").asText();
    }

    private static JsonNode line(JsonNode cart, String productId) {
        for (JsonNode item : cart.get("items")) {
            if (item.get("productId").asText().equals(productId)) {
                return item;
            }
        }
        throw new AssertionError("no line for " + productId + " in " + cart);
    }

    private static void assertProblem(Response answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.json().get("code").asText()).isEqualTo(code);
    }

    @Test
    void postCartsStartsAnEmptyGuestCartWithAFreshToken() {
        Response created = api.post(V1 + "/carts", null);
        Response another = api.post(V1 + "/carts", null);

        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("cartToken").asText();
        assertThat(token)
                .matches("[A-Za-z0-9_-]{43,}")
                .isNotEqualTo(another.json().get("cartToken").asText());
        assertThat(created.json().at("/cart/items")).isEmpty();
        assertThat(created.json().at("/cart/totalCents").asLong()).isZero();
        Response read = api.get(V1 + "/cart", HEADER, token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("items")).isEmpty();
    }

    @Test
    void everyCartRouteWorksWithACartToken() {
        String token = newCart();
        String hobbit = bookId(1250, 10);
        String dune = bookId(999, 10);

        assertThat(addAsGuest(token, hobbit, 2).status()).isEqualTo(200);
        JsonNode afterAdd = addAsGuest(token, dune, 1).json();
        assertThat(afterAdd.get("totalCents").asLong()).isEqualTo(2 * 1250 + 999);

        Response set = api.patch(V1 + "/cart/items/" + hobbit, Map.of("quantity", 5), HEADER, token);
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(line(set.json(), hobbit).get("quantity").asInt()).isEqualTo(5);

        Response removed = api.post(V1 + "/cart/remove", Map.of("productId", dune), HEADER, token);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("items")).hasSize(1);

        JsonNode cart = api.get(V1 + "/cart", HEADER, token).json();
        assertThat(line(cart, hobbit).get("lineTotalCents").asLong()).isEqualTo(5 * 1250);
    }

    @Test
    void aGuestCartHasTheSameStockAndLimitChecks() {
        String token = newCart();
        String scarce = bookId(500, 2);

        assertProblem(addAsGuest(token, scarce, 3), 409, "INSUFFICIENT_STOCK");
        assertProblem(addAsGuest(token, scarce, 51), 409, "QUANTITY_LIMIT_EXCEEDED");
        assertProblem(addAsGuest(token, UUID.randomUUID().toString(), 1), 404, "PRODUCT_NOT_FOUND");
    }

    @Test
    void aForgedTokenIsRefusedWith401OnEveryCartRoute() {
        String book = bookId(500, 5);
        String forged = "forged-" + UUID.randomUUID();

        for (Response answer : List.of(
                api.get(V1 + "/cart", HEADER, forged),
                addAsGuest(forged, book, 1),
                api.post(V1 + "/cart/remove", Map.of("productId", book), HEADER, forged),
                api.patch(V1 + "/cart/items/" + book, Map.of("quantity", 1), HEADER, forged))) {
            assertProblem(answer, 401, "CART_TOKEN_INVALID");
            assertThat(answer.header("WWW-Authenticate")).isNotNull();
        }
    }

    @Test
    void withoutBearerOrCartTokenTheCartRoutesAnswer401() {
        Response answer = api.get(V1 + "/cart");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("detail").asText()).contains("X-Cart-Token");
    }

    @Test
    void anExpiredTokenIsRefusedAndThePurgeTakesItsCart() throws SQLException {
        String token = newCart();
        addAsGuest(token, bookId(500, 5), 1);
        age(token, "31 days");

        assertProblem(api.get(V1 + "/cart", HEADER, token), 401, "CART_TOKEN_INVALID");
        assertThat(api.server()
                        .server()
                        .useCases()
                        .purgeExpiredData()
                        .purgeExpired()
                        .rows("guest carts"))
                .isGreaterThanOrEqualTo(1);
        assertThat(cartRows(token)).isZero();
    }

    @Test
    void aBearerTokenWinsOverACartToken() {
        Session ann = api.newCustomer();
        String token = newCart();
        String book = bookId(500, 5);

        Response added =
                api.post(V1 + "/cart/add", Map.of("productId", book), "Authorization", ann.bearer(), HEADER, token);

        assertThat(added.status()).isEqualTo(200);
        assertThat(api.get(V1 + "/cart", ann.auth()).json().get("items")).hasSize(1);
        assertThat(api.get(V1 + "/cart", HEADER, token).json().get("items")).isEmpty();
    }

    @Test
    void loginWithACartTokenMergesItOnceAndReportsWhatItDid() {
        Session ann = api.newCustomer();
        String fresh = bookId(700, 5);
        String scarce = bookId(300, 3);
        api.added(ann, scarce, 2);
        String token = newCart();
        addAsGuest(token, fresh, 2);
        addAsGuest(token, scarce, 2);

        Response login =
                api.post(V1 + "/auth/login", Map.of("email", ann.email(), "password", PASSWORD), HEADER, token);

        assertThat(login.status()).as("%s", login).isEqualTo(200);
        JsonNode merge = login.json().get("cartMerge");
        assertThat(merge.get("added")).extracting(JsonNode::asText).containsExactly(fresh);
        assertThat(merge.at("/adjusted/0/productId").asText()).isEqualTo(scarce);
        assertThat(merge.at("/adjusted/0/requested").asInt()).isEqualTo(4);
        assertThat(merge.at("/adjusted/0/kept").asInt()).isEqualTo(3);
        assertThat(merge.at("/adjusted/0/reason").asText()).isEqualTo("stock");
        assertThat(merge.get("dropped")).isEmpty();
        JsonNode cart = api.get(V1 + "/cart", ann.auth()).json();
        assertThat(line(cart, fresh).get("quantity").asInt()).isEqualTo(2);
        assertThat(line(cart, scarce).get("quantity").asInt()).isEqualTo(3);
        assertProblem(api.get(V1 + "/cart", HEADER, token), 401, "CART_TOKEN_INVALID");

        Response again =
                api.post(V1 + "/auth/login", Map.of("email", ann.email(), "password", PASSWORD), HEADER, token);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/cartMerge/added")).isEmpty();
    }

    @Test
    void loginWithoutACartTokenAnswersNoCartMerge() {
        Session ann = api.newCustomer();

        Response login = api.post(V1 + "/auth/login", Map.of("email", ann.email(), "password", PASSWORD));

        assertThat(login.json().has("cartMerge")).isFalse();
    }

    @Test
    void aForgedTokenOnLoginStillLogsInAndMergesNothing() {
        Session ann = api.newCustomer();

        Response login =
                api.post(V1 + "/auth/login", Map.of("email", ann.email(), "password", PASSWORD), HEADER, "forged");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("accessToken").asText()).isNotBlank();
        JsonNode merge = login.json().get("cartMerge");
        assertThat(merge.get("added")).isEmpty();
        assertThat(merge.get("adjusted")).isEmpty();
        assertThat(merge.get("dropped")).isEmpty();
    }

    @Test
    void signupWithACartTokenMergesItIntoTheNewAccount() {
        String book = bookId(450, 5);
        String withdrawn = bookId(450, 5);
        String token = newCart();
        addAsGuest(token, book, 2);
        addAsGuest(token, withdrawn, 1);
        assertThat(api.delete(V1 + "/admin/products/" + withdrawn, api.admin().auth())
                        .status())
                .isEqualTo(204);
        String email = Api.freshEmail();

        Response signup = api.post(V1 + "/auth/signup", Map.of("email", email, "password", PASSWORD), HEADER, token);

        assertThat(signup.status()).as("%s", signup).isEqualTo(201);
        assertThat(signup.json().get("email").asText()).isEqualTo(email);
        assertThat(signup.json().at("/cartMerge/added"))
                .extracting(JsonNode::asText)
                .containsExactly(book);
        assertThat(signup.json().at("/cartMerge/dropped/0/productId").asText()).isEqualTo(withdrawn);
        assertThat(signup.json().at("/cartMerge/dropped/0/reason").asText()).isEqualTo("inactive");
        Session bob = api.logIn(email, PASSWORD);
        assertThat(line(api.get(V1 + "/cart", bob.auth()).json(), book)
                        .get("quantity")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void twoLoginsWithOneTokenAtOnceMergeItOnce() throws Exception {
        Session ann = api.newCustomer();
        Session bob = api.newCustomer();
        String book = bookId(100, 50);
        String token = newCart();
        addAsGuest(token, book, 3);
        List<Callable<Response>> logins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Session who = i % 2 == 0 ? ann : bob;
            logins.add(() ->
                    api.post(V1 + "/auth/login", Map.of("email", who.email(), "password", PASSWORD), HEADER, token));
        }

        List<Response> answers = race(logins);

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(answers.stream().filter(a -> !a.json().at("/cartMerge/added").isEmpty()))
                .hasSize(1);
        int copies = copies(ann) + copies(bob);
        assertThat(copies).isEqualTo(3);
    }

    @Test
    void patchSetsRemovesOrRefusesALineOfAnAccountsCart() {
        Session ann = api.newCustomer();
        String book = bookId(400, 6);
        api.added(ann, book, 1);

        Response set = api.patch(V1 + "/cart/items/" + book, Map.of("quantity", 4), ann.auth());
        assertThat(set.status()).isEqualTo(200);
        assertThat(line(set.json(), book).get("quantity").asInt()).isEqualTo(4);

        assertProblem(
                api.patch(V1 + "/cart/items/" + book, Map.of("quantity", 7), ann.auth()), 409, "INSUFFICIENT_STOCK");
        assertProblem(
                api.patch(V1 + "/cart/items/" + book, Map.of("quantity", 51), ann.auth()),
                409,
                "QUANTITY_LIMIT_EXCEEDED");
        assertProblem(
                api.patch(V1 + "/cart/items/" + UUID.randomUUID(), Map.of("quantity", 1), ann.auth()),
                404,
                "PRODUCT_NOT_FOUND");
        assertProblem(
                api.patch(V1 + "/cart/items/" + book, Map.of("quantity", -1), ann.auth()), 422, "VALIDATION_FAILED");
        assertProblem(api.patch(V1 + "/cart/items/" + book, Map.of(), ann.auth()), 422, "VALIDATION_FAILED");
        assertThat(api.patch(V1 + "/cart/items/not-a-uuid", Map.of("quantity", 1), ann.auth())
                        .status())
                .isEqualTo(400);

        Response removed = api.patch(V1 + "/cart/items/" + book, Map.of("quantity", 0), ann.auth());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("items")).isEmpty();
        assertProblem(
                api.patch(V1 + "/cart/items/" + book, Map.of("quantity", 0), ann.auth()), 404, "CART_ITEM_NOT_FOUND");
    }

    @Test
    void checkoutStillNeedsAnAccount() {
        String token = newCart();
        addAsGuest(token, bookId(100, 5), 1);

        assertThat(api.post(V1 + "/checkout", Map.of(), HEADER, token).status()).isEqualTo(401);
    }

    private static int copies(Session who) {
        int copies = 0;
        for (JsonNode item : api.get(V1 + "/cart", who.auth()).json().get("items")) {
            copies += item.get("quantity").asInt();
        }
        return copies;
    }

    /** Moves the cart's last use back, as if it had been left alone that long. */
    private static void age(String token, String interval) throws SQLException {
        try (Connection c = api.server().database().dataSource().getConnection();
                PreparedStatement update = c.prepareStatement(
                        "update guest_carts set last_used_at = last_used_at - ?::interval where token_hash = ?")) {
            update.setString(1, interval);
            update.setString(2, TokenHash.of(token).hex());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static int cartRows(String token) throws SQLException {
        try (Connection c = api.server().database().dataSource().getConnection();
                PreparedStatement count = c.prepareStatement("select count(*) from guest_carts where token_hash = ?")) {
            count.setString(1, TokenHash.of(token).hex());
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
