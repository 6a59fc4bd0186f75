package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthApiTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void signupAnswersTheNewUserAndIgnoresRoleAndActive() {
        var response = app.send("POST", "/api/v1/auth/signup", """
                {"email":" Ann@Example.com ","password":"correct horse","role":"ADMIN","active":false}""");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode user = response.json();
        assertThat(user.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("id", "email", "role", "active", "createdAt", "emailVerified");
        assertThat(user.get("email").asText()).isEqualTo("ann@example.com");
        assertThat(user.get("role").asText()).isEqualTo("USER");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(user.get("createdAt").asText()).endsWith("Z");
    }

    @Test
    void signupWithATakenEmailIsAConflict() {
        app.shop.addUser("taken@example.com", "password1", Role.USER);

        var response = app.send("POST", "/api/v1/auth/signup", """
                {"email":"TAKEN@example.com","password":"password2"}""");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("EMAIL_TAKEN");
    }

    @Test
    void signupNamesEveryBrokenField() {
        var response = app.send("POST", "/api/v1/auth/signup", """
                {"email":"not-an-email","password":"short"}""");

        assertThat(response.status()).isEqualTo(422);
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(problem.get("errors").get(1).get("field").asText()).isEqualTo("password");
        assertThat(problem.get("errors").get(1).get("message").asText()).contains("at least 8");
    }

    @Test
    void signupWithoutFieldsNamesThemAsRequired() {
        var response = app.send("POST", "/api/v1/auth/signup", "{}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("email", "password");
    }

    @Test
    void loginAnswersTokensThatOpenTheAccount() {
        User user = app.shop.addUser("login@example.com", "password1", Role.USER);

        var response = app.send("POST", "/api/v1/auth/login", """
                {"email":"login@example.com","password":"password1"}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode tokens = response.json();
        assertThat(tokens.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("accessToken", "tokenType", "expiresIn", "refreshToken", "refreshExpiresIn");
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.get("refreshExpiresIn").asLong()).isBetween(30L * 86400 - 60, 30L * 86400);

        var me = app.get(
                "/api/v1/users/me",
                "Authorization",
                "Bearer " + tokens.get("accessToken").asText());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo(user.id().toString());
        assertThat(me.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void loginWithAWrongPasswordIsUnauthorized() {
        app.shop.addUser("wrong@example.com", "password1", Role.USER);

        var response = app.send("POST", "/api/v1/auth/login", """
                {"email":"wrong@example.com","password":"password2"}""");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void refreshRotatesAndARefusedTokenIsUnauthorized() {
        app.shop.addUser("refresh@example.com", "password1", Role.USER);
        String refreshToken = app.send("POST", "/api/v1/auth/login", """
                        {"email":"refresh@example.com","password":"password1"}""")
                .json()
                .get("refreshToken")
                .asText();

        var refreshed = app.send("POST", "/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
        var reused = app.send("POST", "/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("refreshToken").asText()).isNotEqualTo(refreshToken);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(reused.json().get("detail").asText()).doesNotContain("unknown");
    }

    @Test
    void logoutAnswersNoContentEvenForUnknownTokens() {
        var response = app.send("POST", "/api/v1/auth/logout", """
                {"refreshToken":"never-issued"}""");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void logoutWithoutATokenIsAValidationFailure() {
        var response = app.send("POST", "/api/v1/auth/logout", "{}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("refreshToken");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        User user = app.shop.addUser("change@example.com", "password1", Role.USER);
        String auth = app.bearer(user);

        var wrong = app.send("POST", "/api/v1/users/me/password", """
                {"currentPassword":"nope-nope","newPassword":"password2"}""", "Authorization", auth);
        var weak = app.send("POST", "/api/v1/users/me/password", """
                {"currentPassword":"password1","newPassword":"short"}""", "Authorization", auth);
        var changed = app.send("POST", "/api/v1/users/me/password", """
                {"currentPassword":"password1","newPassword":"password2"}""", "Authorization", auth);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("errors").get(0).get("field").asText()).isEqualTo("newPassword");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(app.send("POST", "/api/v1/auth/login", """
                        {"email":"change@example.com","password":"password2"}""").status()).isEqualTo(200);
    }

    @Test
    void accountRoutesNeedAToken() {
        assertThat(app.get("/api/v1/users/me").status()).isEqualTo(401);
        assertThat(app.send("POST", "/api/v1/users/me/password", "{}").status()).isEqualTo(401);
    }
}
