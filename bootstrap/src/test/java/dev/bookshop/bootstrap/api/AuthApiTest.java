package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.PASSWORD;
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

/** Signing up, logging in, refreshing, logging out and changing the password, over HTTP on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthApiTest {

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

    private static Response signUp(Object body) {
        return api.post(V1 + "/auth/signup", body);
    }

    private static Response logIn(String email, String password) {
        return api.post(V1 + "/auth/login", Map.of("email", email, "password", password));
    }

    private static Response refresh(String token) {
        return api.post(V1 + "/auth/refresh", Map.of("refreshToken", token));
    }

    private static Response me(Session who) {
        return api.get(V1 + "/users/me", who.auth());
    }

    // ---- signup ----

    @Test
    void signupAnswersTheNewAccountWithItsEmailTrimmedAndLowerCased() {
        String local = "Reader-" + UUID.randomUUID();
        Response created = signUp(Map.of("email", "  " + local + "@Example.COM ", "password", PASSWORD));

        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("email").asText()).isEqualTo(local.toLowerCase() + "@example.com");
        assertThat(user.get("role").asText()).isEqualTo("USER");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.has("password")).isFalse();
        assertThat(logIn(local.toUpperCase() + "@EXAMPLE.com", PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void roleAndActiveInASignupBodyAreIgnored() {
        String email = Api.freshEmail();
        Response created = signUp(Map.of("email", email, "password", PASSWORD, "role", "ADMIN", "active", false));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("role").asText()).isEqualTo("USER");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        Session session = api.logIn(email, PASSWORD);
        assertThat(api.get(V1 + "/admin/users", session.auth()).status()).isEqualTo(403);
    }

    @Test
    void aTakenEmailIsAConflictWhateverItsCase() {
        String email = Api.freshEmail();
        assertThat(signUp(Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(201);

        Response again = signUp(Map.of("email", email.toUpperCase(), "password", "another password"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("EMAIL_TAKEN");
    }

    @Test
    void signupNamesEveryBrokenRule() {
        assertThat(fields(signUp(Map.of()))).containsExactlyInAnyOrder("email", "password");
        assertThat(fields(signUp(Map.of("email", "not-an-email", "password", PASSWORD))))
                .containsExactly("email");
        assertThat(fields(signUp(Map.of("email", Api.freshEmail(), "password", "short12"))))
                .containsExactly("password");
        assertThat(fields(signUp(Map.of("email", Api.freshEmail(), "password", "x".repeat(73)))))
                .containsExactly("password");
        assertThat(fields(signUp(Map.of("email", "", "password", "")))).containsExactlyInAnyOrder("email", "password");
    }

    static java.util.List<String> fields(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(422);
        assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        return response.json().get("errors").findValuesAsText("field");
    }

    // ---- login ----

    @Test
    void loginAnswersBearerTokensThatOpenTheAccount() {
        Session ann = api.newCustomer();
        Response login = logIn(ann.email(), PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        JsonNode tokens = login.json();
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(15 * 60);
        assertThat(tokens.get("refreshExpiresIn").asLong()).isBetween(30L * 24 * 3600 - 60, 30L * 24 * 3600);
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        Response me = api.get(
                V1 + "/users/me",
                "Authorization",
                "Bearer " + tokens.get("accessToken").asText());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo(ann.id());
        assertThat(me.json().get("email").asText()).isEqualTo(ann.email());
    }

    @Test
    void wrongPasswordUnknownEmailAndInactiveAccountAllAnswerTheSame401() {
        Session ann = api.newCustomer();
        Session gone = api.newCustomer();
        api.deactivate(gone);

        Response wrongPassword = logIn(ann.email(), "not the password");
        Response unknown = logIn(Api.freshEmail(), PASSWORD);
        Response inactive = logIn(gone.email(), PASSWORD);

        for (Response refused : new Response[] {wrongPassword, unknown, inactive}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(refused.json().get("detail").asText())
                    .isEqualTo(wrongPassword.json().get("detail").asText());
        }
    }

    @Test
    void loginWithoutFieldsIs422() {
        assertThat(fields(api.post(V1 + "/auth/login", Map.of()))).containsExactlyInAnyOrder("email", "password");
    }

    // ---- refresh, reuse, logout ----

    @Test
    void refreshRotatesTheToken() {
        Session ann = api.newCustomer();

        Response first = refresh(ann.refreshToken());

        assertThat(first.status()).isEqualTo(200);
        String rotated = first.json().get("refreshToken").asText();
        assertThat(rotated).isNotEqualTo(ann.refreshToken());
        String access = first.json().get("accessToken").asText();
        assertThat(api.get(V1 + "/users/me", "Authorization", "Bearer " + access)
                        .status())
                .isEqualTo(200);
        assertThat(refresh(rotated).status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedTokenRevokesEverySessionOfTheUser() {
        Session ann = api.newCustomer();
        Session otherDevice = api.logIn(ann.email(), PASSWORD);
        String rotated = refresh(ann.refreshToken()).json().get("refreshToken").asText();

        Response reuse = refresh(ann.refreshToken());

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(refresh(rotated).status()).isEqualTo(401);
        assertThat(refresh(otherDevice.refreshToken()).status()).isEqualTo(401);
        // Logging in again starts a new, working session.
        assertThat(refresh(api.logIn(ann.email(), PASSWORD).refreshToken()).status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownRefreshTokenIs401AndAMissingOneIs422() {
        Response unknown = refresh("not-a-token-" + UUID.randomUUID());

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(fields(api.post(V1 + "/auth/refresh", Map.of()))).containsExactly("refreshToken");
        assertThat(api.post(V1 + "/auth/refresh", Map.of("refreshToken", 42)).status())
                .isEqualTo(400);
    }

    @Test
    void logoutRevokesThatTokenOnlyAndIsIdempotent() {
        Session ann = api.newCustomer();
        Session otherDevice = api.logIn(ann.email(), PASSWORD);

        Response out = api.post(V1 + "/auth/logout", Map.of("refreshToken", ann.refreshToken()));

        assertThat(out.status()).isEqualTo(204);
        assertThat(out.body()).isEmpty();
        assertThat(api.post(V1 + "/auth/logout", Map.of("refreshToken", ann.refreshToken()))
                        .status())
                .isEqualTo(204);
        assertThat(api.post(V1 + "/auth/logout", Map.of("refreshToken", "never-issued"))
                        .status())
                .isEqualTo(204);
        assertThat(fields(api.post(V1 + "/auth/logout", Map.of()))).containsExactly("refreshToken");
        assertThat(refresh(otherDevice.refreshToken()).status()).isEqualTo(200);
        // A logged-out token is a revoked one: presenting it is reuse, which ends every session.
        assertThat(refresh(ann.refreshToken()).status()).isEqualTo(401);
    }

    // ---- the account ----

    @Test
    void meAnswersTheCallersAccount() {
        Session ann = api.newCustomer();

        JsonNode me = me(ann).json();

        assertThat(me.get("id").asText()).isEqualTo(ann.id());
        assertThat(me.get("email").asText()).isEqualTo(ann.email());
        assertThat(me.get("role").asText()).isEqualTo("USER");
        assertThat(me.get("active").asBoolean()).isTrue();
    }

    @Test
    void changingThePasswordRevokesEveryRefreshToken() {
        Session ann = api.newCustomer();
        Session otherDevice = api.logIn(ann.email(), PASSWORD);

        Response changed = api.post(
                V1 + "/users/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "a brand new password"),
                ann.auth());

        assertThat(changed.status()).isEqualTo(204);
        assertThat(refresh(ann.refreshToken()).status()).isEqualTo(401);
        assertThat(refresh(otherDevice.refreshToken()).status()).isEqualTo(401);
        assertThat(logIn(ann.email(), PASSWORD).status()).isEqualTo(401);
        assertThat(logIn(ann.email(), "a brand new password").status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIs401AndAWeakNewOneIs422() {
        Session ann = api.newCustomer();

        Response wrong = api.post(
                V1 + "/users/me/password",
                Map.of("currentPassword", "not my password", "newPassword", "a brand new password"),
                ann.auth());
        Response weak = api.post(
                V1 + "/users/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "short"), ann.auth());

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(fields(weak)).containsExactly("newPassword");
        assertThat(fields(api.post(V1 + "/users/me/password", Map.of(), ann.auth())))
                .containsExactlyInAnyOrder("currentPassword", "newPassword");
        assertThat(logIn(ann.email(), PASSWORD).status()).isEqualTo(200);
    }

    // ---- a deactivated account ----

    @Test
    void aDeactivatedUserCannotLogInRefreshOrChangeAnythingWithAnOldAccessToken() {
        Session ann = api.newCustomer();
        JsonNode book = api.newBook(1500, 5);
        api.added(ann, book.get("id").asText(), 1);
        api.deactivate(ann);

        assertThat(logIn(ann.email(), PASSWORD).status()).isEqualTo(401);
        assertThat(refresh(ann.refreshToken()).status()).isEqualTo(401);
        assertInactive(api.addToCart(ann, book.get("id").asText(), 1));
        assertInactive(
                api.post(V1 + "/cart/remove", Map.of("productId", book.get("id").asText()), ann.auth()));
        assertInactive(api.checkout(ann));
        assertInactive(api.post(
                V1 + "/users/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "a brand new password"),
                ann.auth()));
        // Reading is not a change: the account and its history stay visible to the token's holder.
        Response me = me(ann);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("active").asBoolean()).isFalse();
        assertThat(api.stockOf(book.get("id").asText())).isEqualTo(5);
    }

    @Test
    void aReactivatedUserLogsInAgain() {
        Session ann = api.newCustomer();
        api.deactivate(ann);
        api.setActive(ann, true);

        Session again = api.logIn(ann.email(), PASSWORD);

        assertThat(api.addToCart(again, api.newBook(700, 1).get("id").asText(), 1)
                        .status())
                .isEqualTo(200);
    }

    private static void assertInactive(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("USER_INACTIVE");
    }
}
