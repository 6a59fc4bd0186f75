package dev.bookshop.bootstrap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.bootstrap.BookshopServer;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.config.ConfigurationException;
import dev.bookshop.bootstrap.config.Settings;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The administrator the operator names at start-up, on a real server and database. Signup verifies no address, so
 * an account that already has {@code ADMIN_EMAIL} is promoted only with {@code ADMIN_PASSWORD} as its password; and
 * the demo administrator, whose password is public, never exists on the operator's own database.
 */
class AdminBootstrapTest {

    private static final String SQUATTERS_PASSWORD = "the squatter's password";
    private static final String OPERATORS_PASSWORD = "the operator's password";

    private static TestServer app;

    @BeforeAll
    static void start() {
        app = TestServer.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void signingUpWithTheAdminEmailBeforeTheOperatorDoesNotMakeAnAdminAndStartIsRefused() {
        String email = signUp("owner", SQUATTERS_PASSWORD);

        assertThatThrownBy(() ->
                        app.startAnotherInstance(Map.of("ADMIN_EMAIL", email, "ADMIN_PASSWORD", OPERATORS_PASSWORD)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("ADMIN_EMAIL " + email + " belongs to an existing account whose password is not"
                        + " ADMIN_PASSWORD: refusing to make it an administrator; set ADMIN_PASSWORD to that account's"
                        + " password, or choose another ADMIN_EMAIL");

        TestServer.Customer squatter = app.logIn(email, SQUATTERS_PASSWORD, null);
        assertThat(app.get("/api/v1/users/me", "Authorization", squatter.bearer())
                        .json()
                        .get("role")
                        .asText())
                .isEqualTo("USER");
        assertThat(app.get("/api/v1/admin/users", "Authorization", squatter.bearer())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anExistingAccountWhosePasswordIsAdminPasswordIsPromotedAtStart() {
        String email = signUp("operator", OPERATORS_PASSWORD);

        try (BookshopServer instance =
                app.startAnotherInstance(Map.of("ADMIN_EMAIL", email, "ADMIN_PASSWORD", OPERATORS_PASSWORD))) {
            TestServer.Customer operator = app.logIn(email, OPERATORS_PASSWORD, null);
            assertThat(app.get("/api/v1/users/me", "Authorization", operator.bearer())
                            .json()
                            .get("role")
                            .asText())
                    .isEqualTo("ADMIN");
            assertThat(instance.port()).isPositive();
        }
    }

    @Test
    void anAbsentAdministratorIsCreatedAtStart() {
        String email = "new-admin-" + UUID.randomUUID() + "@example.com";

        try (BookshopServer instance =
                app.startAnotherInstance(Map.of("ADMIN_EMAIL", email, "ADMIN_PASSWORD", OPERATORS_PASSWORD))) {
            TestServer.Customer admin = app.logIn(email, OPERATORS_PASSWORD, null);
            assertThat(app.get("/api/v1/admin/users", "Authorization", admin.bearer())
                            .status())
                    .isEqualTo(200);
            assertThat(instance.port()).isPositive();
        }
    }

    @Test
    void withADatabaseUrlTheDemoAdministratorIsNeverCreatedAndNoDemoBooksAreSeededWithoutAnAdmin() {
        try (BookshopServer instance =
                app.startAnotherInstance(Map.of("ADMIN_EMAIL", "", "ADMIN_PASSWORD", "", "SEED_DEMO_DATA", "true"))) {
            assertThat(instance.port()).isPositive();
        }

        assertThat(app.post(
                                "/api/v1/auth/login",
                                TestServer.json(Map.of("email", "admin@bookshop.local", "password", "admin-password")))
                        .status())
                .isEqualTo(401);
        assertThat(app.get(
                                "/api/v1/admin/users?size=100",
                                "Authorization",
                                app.admin().bearer())
                        .body())
                .doesNotContain("admin@bookshop.local");
        assertThat(app.get("/api/v1/products").json().get("total").asInt())
                .as("demo books")
                .isZero();
    }

    @Test
    void withoutADatabaseUrlTheDemoShopStillHasItsDemoAdministrator() {
        try (BookshopServer dev = BookshopServer.start(Settings.from(
                Map.of("PORT", "0", "PERSISTENCE", "memory", "BCRYPT_COST", "4", "SEED_DEMO_DATA", "true")))) {
            TestServer.Response login = app.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + dev.port() + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            TestServer.json(Map.of("email", "admin@bookshop.local", "password", "admin-password")))));
            assertThat(login.status()).isEqualTo(200);
        }
    }

    private static String signUp(String who, String password) {
        String email = who + "-" + UUID.randomUUID() + "@example.com";
        TestServer.Response signup =
                app.post("/api/v1/auth/signup", TestServer.json(Map.of("email", email, "password", password)));
        assertThat(signup.status()).isEqualTo(201);
        return email;
    }
}
