package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.PASSWORD;
import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Api.Session;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A user's own sessions, their data export and the erasure of their account, over HTTP on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountDataApiTest {

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

    private static Session logInFrom(String email, String userAgent) {
        Response login =
                api.post(V1 + "/auth/login", Map.of("email", email, "password", PASSWORD), "User-Agent", userAgent);
        assertThat(login.status()).as("login %s", login).isEqualTo(200);
        String access = login.json().get("accessToken").asText();
        return new Session(
                Api.subjectOf(access),
                email,
                PASSWORD,
                access,
                login.json().get("refreshToken").asText());
    }

    private static JsonNode sessionsOf(Session who) {
        Response listed = api.get(V1 + "/users/me/sessions", who.auth());
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        return listed.json();
    }

    private static Response refresh(String token) {
        return api.post(V1 + "/auth/refresh", Map.of("refreshToken", token));
    }

    private static Response erase(Session who, String password) {
        return api.send("DELETE", V1 + "/users/me", Map.of("password", password), who.auth());
    }

    @Test
    void twoLoginsAreTwoSessionsNamedByTheirClientsAndTheCallersOwnIsCurrent() {
        String email = api.newCustomer().email();
        Session phone = logInFrom(email, "BookshopPhone/1.0");
        Session laptop = logInFrom(email, "Mozilla/5.0 (Laptop)");

        JsonNode fromLaptop = sessionsOf(laptop);

        // The signup's own login is a session too: three, oldest first.
        assertThat(fromLaptop).hasSize(3);
        JsonNode phoneEntry = fromLaptop.get(1);
        JsonNode laptopEntry = fromLaptop.get(2);
        assertThat(phoneEntry.get("userAgent").asText()).isEqualTo("BookshopPhone/1.0");
        assertThat(laptopEntry.get("userAgent").asText()).isEqualTo("Mozilla/5.0 (Laptop)");
        assertThat(laptopEntry.get("current").asBoolean()).isTrue();
        assertThat(fromLaptop.findValuesAsText("current")).containsExactly("false", "false", "true");
        assertThat(laptopEntry.get("id").asText()).isEqualTo(Api.sessionOf(laptop.accessToken()));
        assertThat(sessionsOf(phone).get(1).get("current").asBoolean()).isTrue();
    }

    @Test
    void aRefreshKeepsTheSessionMovesItsLastUseAndItsTokensNameIt() {
        Session login = logInFrom(api.newCustomer().email(), "Refresher/1.0");
        JsonNode before = sessionsOf(login).get(1);

        Response refreshed = refresh(login.refreshToken());

        assertThat(refreshed.status()).isEqualTo(200);
        String access = refreshed.json().get("accessToken").asText();
        assertThat(Api.sessionOf(access)).isEqualTo(before.get("id").asText());
        JsonNode after = api.get(V1 + "/users/me/sessions", "Authorization", "Bearer " + access)
                .json()
                .get(1);
        assertThat(after.get("id").asText()).isEqualTo(before.get("id").asText());
        assertThat(after.get("createdAt").asText())
                .isEqualTo(before.get("createdAt").asText());
        assertThat(Instant.parse(after.get("lastUsedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(before.get("lastUsedAt").asText()));
        assertThat(after.get("userAgent").asText()).isEqualTo("Refresher/1.0");
        assertThat(after.get("current").asBoolean()).isTrue();
    }

    @Test
    void anEndedSessionCannotBeRefreshedWhileTheOtherStillCan() {
        String email = api.newCustomer().email();
        Session phone = logInFrom(email, "Phone");
        Session laptop = logInFrom(email, "Laptop");
        String phoneSession = Api.sessionOf(phone.accessToken());

        Response ended = api.delete(V1 + "/users/me/sessions/" + phoneSession, laptop.auth());

        assertThat(ended.status()).isEqualTo(204);
        Response phoneRefresh = refresh(phone.refreshToken());
        assertThat(phoneRefresh.status()).isEqualTo(401);
        assertThat(phoneRefresh.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(refresh(laptop.refreshToken()).status()).isEqualTo(200);
        assertThat(sessionsOf(laptop).findValuesAsText("id")).doesNotContain(phoneSession);
        // Its access token lives until it expires, as after a logout.
        assertThat(api.get(V1 + "/users/me", phone.auth()).status()).isEqualTo(200);
        Response again = api.delete(V1 + "/users/me/sessions/" + phoneSession, laptop.auth());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("code").asText()).isEqualTo("SESSION_NOT_FOUND");
    }

    @Test
    void anotherUsersSessionIsNotFoundAndStaysAlive() {
        Session victim = logInFrom(api.newCustomer().email(), "Victim");
        Session intruder = api.newCustomer();
        String victimsSession = Api.sessionOf(victim.accessToken());

        Response foreign = api.delete(V1 + "/users/me/sessions/" + victimsSession, intruder.auth());
        Response unknown = api.delete(V1 + "/users/me/sessions/" + UUID.randomUUID(), intruder.auth());

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("code").asText()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(foreign.json().get("title")).isEqualTo(unknown.json().get("title"));
        assertThat(refresh(victim.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void theSessionIdIsNeverACredential() {
        Session someone = api.newCustomer();
        String session = Api.sessionOf(someone.accessToken());

        assertThat(refresh(session).status()).isEqualTo(401);
        assertThat(api.get(V1 + "/users/me", "Authorization", "Bearer " + session)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theExportHoldsTheAccountItsOrdersWithItemsAndItsSessionsButNoSecret() {
        Session owner = api.newCustomer();
        JsonNode paid = api.paidOrder(owner).get("order");

        Response exported = api.get(V1 + "/users/me/export", owner.auth());

        assertThat(exported.status()).isEqualTo(200);
        JsonNode export = exported.json();
        assertThat(export.get("account").get("id").asText()).isEqualTo(owner.id());
        assertThat(export.get("account").get("email").asText()).isEqualTo(owner.email());
        assertThat(export.get("account").get("role").asText()).isEqualTo("USER");
        assertThat(export.get("account").has("createdAt")).isTrue();
        assertThat(export.get("addresses")).isEmpty();
        assertThat(export.get("orders")).hasSize(1);
        JsonNode order = export.get("orders").get(0);
        assertThat(order.get("id").asText()).isEqualTo(paid.get("id").asText());
        assertThat(order.get("status").asText()).isEqualTo("PAID");
        assertThat(order.get("items")).isEqualTo(paid.get("items"));
        assertThat(export.get("sessions").findValuesAsText("id")).contains(Api.sessionOf(owner.accessToken()));
        assertThat(exported.body())
                .doesNotContain(owner.refreshToken())
                .doesNotContain(owner.accessToken())
                .doesNotContain("$2");
    }

    @Test
    void anErasedAccountCannotLogInOrRefreshAndItsOrdersStayForTheBooks() {
        Session owner = api.newCustomer();
        Session other = logInFrom(owner.email(), "Other device");
        JsonNode paid = api.paidOrder(owner).get("order");
        api.added(owner, api.newBook(700, 5).get("id").asText(), 1);

        assertThat(erase(owner, PASSWORD).status()).isEqualTo(204);

        Response login = api.post(V1 + "/auth/login", Map.of("email", owner.email(), "password", PASSWORD));
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(refresh(owner.refreshToken()).status()).isEqualTo(401);
        assertThat(refresh(other.refreshToken()).status()).isEqualTo(401);
        String placeholder = "deleted-" + owner.id() + "@invalid";
        assertThat(api.post(V1 + "/auth/login", Map.of("email", placeholder, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        JsonNode orders = api.get(
                        V1 + "/admin/orders?userId=" + owner.id(), api.admin().auth())
                .json()
                .get("items");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("id").asText()).isEqualTo(paid.get("id").asText());
        assertThat(orders.get(0).get("items")).isEqualTo(paid.get("items"));
        assertThat(orders.get(0).get("userEmail").asText()).isEqualTo(placeholder);
        JsonNode account =
                api.get(V1 + "/admin/users?size=100", api.admin().auth()).json().get("items");
        assertThat(account.findValues("email").stream().map(JsonNode::asText).toList())
                .doesNotContain(owner.email());
        // Its access token lives until it expires, but every change is refused: the account is inactive.
        Response change = api.addToCart(owner, api.newBook(500, 5).get("id").asText(), 1);
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.json().get("code").asText()).isEqualTo("USER_INACTIVE");
    }

    @Test
    void theOldAddressMaySignUpAgainAsANewAccount() {
        Session first = api.newCustomer();
        assertThat(erase(first, PASSWORD).status()).isEqualTo(204);

        Session second = api.newCustomer(first.email());

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(api.get(V1 + "/users/me/export", second.auth()).json().get("orders"))
                .isEmpty();
    }

    @Test
    void aWrongPasswordIs401AndErasesNothing() {
        Session owner = api.newCustomer();

        Response wrong = erase(owner, "not the password");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(refresh(owner.refreshToken()).status()).isEqualTo(200);
        assertThat(api.get(V1 + "/users/me", owner.auth()).json().get("email").asText())
                .isEqualTo(owner.email());
        Response missing = api.send("DELETE", V1 + "/users/me", Map.of(), owner.auth());
        assertThat(missing.status()).isEqualTo(422);
    }

    @Test
    void theLastActiveAdminCannotEraseItselfWhileAnAdminWithAnotherLeftCan() {
        Session admin = api.admin();

        Response last = erase(admin, admin.password());

        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().get("code").asText()).isEqualTo("LAST_ADMIN");
        assertThat(api.get(V1 + "/admin/users", admin.auth()).status()).isEqualTo(200);
        Session second = api.newAdmin();
        assertThat(erase(second, second.password()).status()).isEqualTo(204);
        assertThat(erase(admin, admin.password()).status()).isEqualTo(409);
        assertThat(refresh(second.refreshToken()).status()).isEqualTo(401);
    }
}
