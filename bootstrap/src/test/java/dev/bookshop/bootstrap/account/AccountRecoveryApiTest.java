package dev.bookshop.bootstrap.account;

import static dev.bookshop.bootstrap.TestServer.PASSWORD;
import static dev.bookshop.bootstrap.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password reset, address verification and address change over real HTTP, with GreenMail receiving the mails and
 * the test following the token in each link, as a customer would.
 */
class AccountRecoveryApiTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private static GreenMail smtp;
    private static TestServer server;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        server = TestServer.start(Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "SMTP_TLS", "none",
                "PASSWORD_RESET_URL", "https://shop.test/reset?token={token}",
                "EMAIL_VERIFICATION_URL", "https://shop.test/verify?token={token}",
                "REQUIRE_VERIFIED_EMAIL", "true"));
    }

    @AfterAll
    static void stop() {
        try {
            server.close();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void signupMailsAVerificationLinkThatVerifiesTheAddress() throws Exception {
        Customer ann = server.newCustomer();
        assertThat(me(ann).json().get("emailVerified").asBoolean()).isFalse();

        String token =
                tokenFrom(awaitMail(ann.email(), "Confirm your Bookshop email", 1), "https://shop.test/verify?token=");

        assertThat(post("/api/v1/auth/verify-email", Map.of("token", token)).status())
                .isEqualTo(204);
        assertThat(me(ann).json().get("emailVerified").asBoolean()).isTrue();
        assertProblem(post("/api/v1/auth/verify-email", Map.of("token", token)), 401, "INVALID_TOKEN");
        assertProblem(
                server.post("/api/v1/users/me/verify-email", null, "Authorization", ann.bearer()),
                409,
                "EMAIL_ALREADY_VERIFIED");
    }

    @Test
    void anUnverifiedCustomerCannotCheckOutWhenTheShopRequiresIt() {
        Customer bea = server.newCustomer();

        Response checkout = server.post("/api/v1/checkout", null, "Authorization", bea.bearer());

        assertProblem(checkout, 403, "EMAIL_NOT_VERIFIED");
    }

    @Test
    void aResendMailsANewLink() throws Exception {
        Customer cat = server.newCustomer();
        awaitMail(cat.email(), "Confirm your Bookshop email", 1);

        Response resend = server.post("/api/v1/users/me/verify-email", null, "Authorization", cat.bearer());

        assertThat(resend.status()).isEqualTo(202);
        String token =
                tokenFrom(awaitMail(cat.email(), "Confirm your Bookshop email", 2), "https://shop.test/verify?token=");
        assertThat(post("/api/v1/auth/verify-email", Map.of("token", token)).status())
                .isEqualTo(204);
    }

    @Test
    void aResetAnswersTheSameForEveryAddressAndTheLinkSetsANewPasswordAndEndsSessions() throws Exception {
        Customer dan = server.newCustomer();

        Response known = post("/api/v1/auth/password-reset", Map.of("email", dan.email()));
        Response unknown =
                post("/api/v1/auth/password-reset", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com"));
        Response malformed = post("/api/v1/auth/password-reset", Map.of("email", "not an email"));
        for (Response answer : List.of(known, unknown, malformed)) {
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(known.body());
        }

        String token =
                tokenFrom(awaitMail(dan.email(), "Reset your Bookshop password", 1), "https://shop.test/reset?token=");
        assertProblem(
                post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "short")),
                422,
                "VALIDATION_FAILED");
        assertThat(post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD))
                        .status())
                .isEqualTo(204);

        assertProblem(
                post("/api/v1/auth/refresh", Map.of("refreshToken", dan.refreshToken())), 401, "INVALID_REFRESH_TOKEN");
        assertThat(post("/api/v1/auth/login", Map.of("email", dan.email(), "password", NEW_PASSWORD))
                        .status())
                .isEqualTo(200);
        assertProblem(
                post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD)),
                401,
                "INVALID_TOKEN");
        assertProblem(
                post(
                        "/api/v1/auth/password-reset/confirm",
                        Map.of("token", "tampered" + token, "newPassword", NEW_PASSWORD)),
                401,
                "INVALID_TOKEN");
    }

    @Test
    void anEmailChangeMovesTheAccountWhenTheNewAddressConfirms() throws Exception {
        Customer eve = server.newCustomer();
        Customer other = server.newCustomer();
        String next = "moved-" + UUID.randomUUID() + "@example.com";

        assertProblem(
                server.post(
                        "/api/v1/users/me/email",
                        json(Map.of("newEmail", next, "password", "wrong password")),
                        "Authorization",
                        eve.bearer()),
                401,
                "INVALID_CREDENTIALS");
        assertProblem(
                server.post(
                        "/api/v1/users/me/email",
                        json(Map.of("newEmail", other.email(), "password", PASSWORD)),
                        "Authorization",
                        eve.bearer()),
                409,
                "EMAIL_TAKEN");
        Response change = server.post(
                "/api/v1/users/me/email",
                json(Map.of("newEmail", next, "password", PASSWORD)),
                "Authorization",
                eve.bearer());
        assertThat(change.status()).isEqualTo(202);
        assertThat(me(eve).json().get("email").asText()).isEqualTo(eve.email());

        String token =
                tokenFrom(awaitMail(next, "Confirm your new Bookshop email", 1), "https://shop.test/verify?token=");
        assertThat(post("/api/v1/auth/verify-email", Map.of("token", token)).status())
                .isEqualTo(204);

        assertThat(me(eve).json().get("email").asText()).isEqualTo(next);
        assertThat(me(eve).json().get("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void theOperatorsAdminIsVerified() {
        assertThat(me(server.admin()).json().get("emailVerified").asBoolean()).isTrue();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Response post(String path, Map<String, String> body) {
        return server.post(path, json(body));
    }

    private static Response me(Customer customer) {
        return server.get("/api/v1/users/me", "Authorization", customer.bearer());
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }

    /** Waits until {@code count} mails with the subject reached {@code to}; answers the newest. */
    private static MimeMessage awaitMail(String to, String subject, int count) throws InterruptedException {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (true) {
            List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessagesForDomain(to))
                    .filter(m -> subjectOf(m).startsWith(subject))
                    .toList();
            if (mails.size() >= count) {
                assertThat(mails).hasSize(count);
                return mails.getLast();
            }
            assertThat(System.nanoTime())
                    .as("%d mail(s) '%s' to %s", count, subject, to)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the link, which both the text and the HTML part carry. */
    private static String tokenFrom(MimeMessage mail, String linkStart) {
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains(linkStart).contains("text/plain").contains("text/html");
        Matcher matcher = TOKEN.matcher(body.substring(body.indexOf(linkStart)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
