package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bookshop.adapters.web.security.AccessTokens;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP side of sessions, export and erasure, over the stub shop: shapes, the current flag, statuses. */
class AccountDataApiTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode logIn(String email, String userAgent) {
        var response = app.send(
                "POST",
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"password1\"}",
                "User-Agent",
                userAgent);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static String bearer(JsonNode tokens) {
        return "Bearer " + tokens.get("accessToken").asText();
    }

    @Test
    void theAccessTokenNamesItsSessionAndTheListMarksItCurrent() throws Exception {
        app.shop.addUser("sessions@example.com", "password1", Role.USER);
        JsonNode phone = logIn("sessions@example.com", "Phone/1.0");
        JsonNode laptop = logIn("sessions@example.com", "Laptop/2.0");

        var response = app.get("/api/v1/users/me/sessions", "Authorization", bearer(laptop));

        assertThat(response.status()).isEqualTo(200);
        JsonNode sessions = response.json();
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("id", "createdAt", "lastUsedAt", "userAgent", "current");
        assertThat(sessions.findValuesAsText("userAgent")).containsExactly("Phone/1.0", "Laptop/2.0");
        assertThat(sessions.get(0).get("current").asBoolean()).isFalse();
        assertThat(sessions.get(1).get("current").asBoolean()).isTrue();
        String sid = SignedJWT.parse(laptop.get("accessToken").asText())
                .getJWTClaimsSet()
                .getStringClaim("sid");
        assertThat(sessions.get(1).get("id").asText()).isEqualTo(sid);
        assertThat(phone.get("refreshToken").asText()).isNotEqualTo(sid);
    }

    @Test
    void aTokenMintedWithoutASessionStillWorksAndMarksNoneCurrent() {
        User user = app.shop.addUser("old-token@example.com", "password1", Role.USER);
        logIn("old-token@example.com", "Old/1.0");
        String old = new AccessTokens(TestApp.settings().jwt(), Clock.systemUTC())
                .issue(user.id(), Role.USER)
                .token();

        var response = app.get("/api/v1/users/me/sessions", "Authorization", "Bearer " + old);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().findValuesAsText("current")).containsExactly("false");
    }

    @Test
    void aSignedTokenWhoseSessionClaimIsNoIdIsRefused() throws Exception {
        User user = app.shop.addUser("bad-sid@example.com", "password1", Role.USER);
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject(user.id().toString())
                        .claim("role", "USER")
                        .claim("sid", "not-a-session")
                        .issuer(TestApp.settings().jwt().issuer())
                        .audience(TestApp.settings().jwt().audience())
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600)))
                        .jwtID(UUID.randomUUID().toString())
                        .build());
        jwt.sign(new MACSigner(TestApp.SECRET.getBytes(StandardCharsets.UTF_8)));

        var response = app.get("/api/v1/users/me/sessions", "Authorization", "Bearer " + jwt.serialize());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void endingASessionIs204AndAnUnknownOrMalformedIdIsRefused() {
        app.shop.addUser("end@example.com", "password1", Role.USER);
        JsonNode tokens = logIn("end@example.com", "Ender/1.0");
        String id = app.get("/api/v1/users/me/sessions", "Authorization", bearer(tokens))
                .json()
                .get(0)
                .get("id")
                .asText();

        assertThat(app.delete("/api/v1/users/me/sessions/" + id, "Authorization", bearer(tokens))
                        .status())
                .isEqualTo(204);
        var again = app.delete("/api/v1/users/me/sessions/" + id, "Authorization", bearer(tokens));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("code").asText()).isEqualTo("SESSION_NOT_FOUND");
        var unknown = app.delete(
                "/api/v1/users/me/sessions/" + TokenFamilyId.of(UUID.randomUUID()), "Authorization", bearer(tokens));
        assertThat(unknown.status()).isEqualTo(404);
        var malformed = app.delete("/api/v1/users/me/sessions/not-a-uuid", "Authorization", bearer(tokens));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("MALFORMED_ID");
    }

    @Test
    void theExportHasTheAccountAnEmptyAddressListOrdersAndSessions() {
        app.shop.addUser("export@example.com", "password1", Role.USER);
        JsonNode tokens = logIn("export@example.com", "Exporter/1.0");

        var response = app.get("/api/v1/users/me/export", "Authorization", bearer(tokens));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode export = response.json();
        assertThat(export.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("account", "addresses", "orders", "sessions", "exportedAt");
        assertThat(export.get("account").get("email").asText()).isEqualTo("export@example.com");
        assertThat(export.get("account").has("passwordHash")).isFalse();
        assertThat(export.get("addresses")).isEmpty();
        assertThat(export.get("orders")).isEmpty();
        assertThat(export.get("sessions").findValuesAsText("userAgent")).containsExactly("Exporter/1.0");
        assertThat(export.toString()).doesNotContain(tokens.get("refreshToken").asText());
    }

    @Test
    void erasureNeedsThePasswordAndAnswers204() {
        app.shop.addUser("erase@example.com", "password1", Role.USER);
        JsonNode tokens = logIn("erase@example.com", "Eraser/1.0");

        var missing = app.send("DELETE", "/api/v1/users/me", "{}", "Authorization", bearer(tokens));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactly("password");
        var wrong =
                app.send("DELETE", "/api/v1/users/me", "{\"password\":\"wrong-one\"}", "Authorization", bearer(tokens));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        var erased =
                app.send("DELETE", "/api/v1/users/me", "{\"password\":\"password1\"}", "Authorization", bearer(tokens));
        assertThat(erased.status()).isEqualTo(204);
        assertThat(app.send("POST", "/api/v1/auth/login", """
                        {"email":"erase@example.com","password":"password1"}""").status()).isEqualTo(401);
    }

    @Test
    void theLastAdminCannotEraseItself() {
        app.shop.addUser("only-admin@example.com", "password1", Role.ADMIN);
        JsonNode tokens = logIn("only-admin@example.com", "Admin/1.0");

        var response =
                app.send("DELETE", "/api/v1/users/me", "{\"password\":\"password1\"}", "Authorization", bearer(tokens));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("LAST_ADMIN");
    }

    @Test
    void everyNewRouteNeedsASignedInCaller() {
        assertThat(app.get("/api/v1/users/me/sessions").status()).isEqualTo(401);
        assertThat(app.delete("/api/v1/users/me/sessions/" + UUID.randomUUID()).status())
                .isEqualTo(401);
        assertThat(app.get("/api/v1/users/me/export").status()).isEqualTo(401);
        assertThat(app.send("DELETE", "/api/v1/users/me", "{\"password\":\"x\"}")
                        .status())
                .isEqualTo(401);
    }
}
