package dev.bookshop.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer;
import dev.bookshop.adapters.payments.stripe.testing.StripeEventPayloads;
import dev.bookshop.adapters.payments.stripe.testing.StripeSignatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the production log configurations write during a whole customer journey — signup, login, refresh, password
 * change, cart, a Stripe checkout and its webhook, the confirmation mail: JSON lines that carry the request id and
 * the user id, and in either format no password, token, JWT secret, Stripe key or client secret.
 */
class LogOutputTest {

    private static final String JWT_SECRET = "log-test-jwt-secret-" + UUID.randomUUID();
    private static final String WEBHOOK_SECRET =
            "whsec_logtest" + UUID.randomUUID().toString().replace("-", "");
    private static final String FIRST_PASSWORD = "first secret pass " + UUID.randomUUID();
    private static final String NEW_PASSWORD = "second secret pass " + UUID.randomUUID();

    private static FakeStripeServer stripe;

    @BeforeAll
    static void startStripe() {
        stripe = FakeStripeServer.start();
    }

    @AfterAll
    static void stopStripe() {
        stripe.close();
    }

    @Test
    void jsonLogsAreOneObjectPerLineWithRequestAndUserIdsAndNoSecrets() throws IOException {
        Journey journey;
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.configuredBy("logback-json.xml")) {
            journey = runJourney();
            lines = logs.lines();
        }

        assertNoSecrets(lines, journey);
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(TestServer.JSON.readTree(line));
        }
        List<JsonNode> access = events.stream()
                .filter(e -> e.path("loggerName").asText().equals("dev.bookshop.access"))
                .toList();
        assertThat(access).hasSizeGreaterThanOrEqualTo(10);
        assertThat(events)
                .filteredOn(e -> e.path("threadName").asText().startsWith("JettyServerThreadPool"))
                .as("every line logged while serving a request names the request")
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.at("/mdc/requestId").asText()).isNotBlank());
        assertThat(access)
                .filteredOn(e -> e.path("formattedMessage").asText().contains(" /api/v1/cart/add "))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.at("/mdc/userId").asText()).isEqualTo(journey.userId()));
        assertThat(access)
                .filteredOn(e -> e.path("formattedMessage").asText().startsWith("POST /api/v1/checkout 201"))
                .singleElement()
                .satisfies(e -> assertThat(e.at("/mdc/userId").asText()).isEqualTo(journey.userId()));
    }

    @Test
    void textLogsAreReadableLinesWithNoSecrets() {
        Journey journey;
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.configuredBy("logback.xml")) {
            journey = runJourney();
            lines = logs.lines();
        }

        assertNoSecrets(lines, journey);
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains("dev.bookshop.access")
                        .contains("POST /api/v1/checkout 201")
                        .contains("userId=" + journey.userId()));
        assertThat(lines).noneSatisfy(line -> assertThat(line).startsWith("{"));
    }

    private static void assertNoSecrets(List<String> lines, Journey journey) {
        assertThat(lines).as("the journey was logged").hasSizeGreaterThan(10);
        List<String> secrets = new ArrayList<>(
                List.of(FIRST_PASSWORD, NEW_PASSWORD, JWT_SECRET, FakeStripeServer.TEST_API_KEY, WEBHOOK_SECRET));
        secrets.addAll(journey.tokens());
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
        }
    }

    /** Everything a customer does, on a server that pays through (a fake) Stripe; answers the secrets it met. */
    private static Journey runJourney() {
        List<String> tokens = new ArrayList<>();
        try (TestServer app = TestServer.start(Map.of(
                "JWT_SECRET",
                JWT_SECRET,
                "PAYMENT_PROVIDER",
                "stripe",
                "STRIPE_API_KEY",
                FakeStripeServer.TEST_API_KEY,
                "STRIPE_WEBHOOK_SECRET",
                WEBHOOK_SECRET,
                "STRIPE_API_BASE",
                stripe.baseUrl()))) {
            JsonNode book = app.newBook("Logged", 1500, 3);
            String email = "logged-" + UUID.randomUUID() + "@example.com";
            String credentials = TestServer.json(Map.of("email", email, "password", FIRST_PASSWORD));
            TestServer.Response signup = app.post("/api/v1/auth/signup", credentials);
            assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
            String userId = signup.json().get("id").asText();
            JsonNode login = app.post("/api/v1/auth/login", credentials).json();
            tokens.add(login.get("accessToken").asText());
            tokens.add(login.get("refreshToken").asText());

            JsonNode refreshed = app.post(
                            "/api/v1/auth/refresh",
                            TestServer.json(Map.of(
                                    "refreshToken", login.get("refreshToken").asText())))
                    .json();
            tokens.add(refreshed.get("accessToken").asText());
            tokens.add(refreshed.get("refreshToken").asText());
            String bearer = "Bearer " + refreshed.get("accessToken").asText();

            assertThat(app.post(
                                    "/api/v1/users/me/password",
                                    TestServer.json(
                                            Map.of("currentPassword", FIRST_PASSWORD, "newPassword", NEW_PASSWORD)),
                                    "Authorization",
                                    bearer)
                            .status())
                    .isEqualTo(204);
            // A wrong password and a revoked token are logged too, as refusals.
            assertThat(app.post("/api/v1/auth/login", credentials).status()).isEqualTo(401);
            assertThat(app.post(
                                    "/api/v1/auth/refresh",
                                    TestServer.json(Map.of(
                                            "refreshToken",
                                            refreshed.get("refreshToken").asText())))
                            .status())
                    .isEqualTo(401);
            JsonNode again = app.post(
                            "/api/v1/auth/login", TestServer.json(Map.of("email", email, "password", NEW_PASSWORD)))
                    .json();
            tokens.add(again.get("accessToken").asText());
            tokens.add(again.get("refreshToken").asText());
            bearer = "Bearer " + again.get("accessToken").asText();

            assertThat(app.post(
                                    "/api/v1/cart/add",
                                    TestServer.json(
                                            Map.of("productId", book.get("id").asText(), "quantity", 2)),
                                    "Authorization",
                                    bearer)
                            .status())
                    .isEqualTo(200);
            TestServer.Response checkout =
                    app.post("/api/v1/checkout", null, "Authorization", bearer, "Idempotency-Key", "log-test-1");
            assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
            String clientSecret = checkout.json().at("/payment/clientSecret").asText();
            assertThat(clientSecret).isNotBlank();
            tokens.add(clientSecret);
            String orderId = checkout.json().at("/order/id").asText();
            String intentId = stripe.intents().stream()
                    .filter(intent -> intent.orderId().orElse("").equals(orderId))
                    .findFirst()
                    .orElseThrow()
                    .id();

            String event = StripeEventPayloads.paymentIntentEvent(
                    "evt_" + UUID.randomUUID(), "payment_intent.succeeded", intentId, 3000, "eur", orderId);
            TestServer.Response delivered = app.post(
                    "/api/v1/payments/stripe/webhook",
                    event,
                    "Stripe-Signature",
                    StripeSignatures.sign(event, WEBHOOK_SECRET));
            assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
            assertThat(app.get("/api/v1/orders/" + orderId, "Authorization", bearer)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("PAID");
            awaitConfirmationMail(app);
            assertThat(app.post(
                                    "/api/v1/auth/logout",
                                    TestServer.json(Map.of(
                                            "refreshToken",
                                            again.get("refreshToken").asText())))
                            .status())
                    .isEqualTo(204);
            return new Journey(userId, tokens);
        }
    }

    /**
     * The mail job runs every two seconds; the journey is complete once it has logged its two mails: the address
     * verification queued at signup and the order confirmation.
     */
    private static void awaitConfirmationMail(TestServer app) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (mailsSent(app) < 2 && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(mailsSent(app))
                .as("verification and confirmation mails sent")
                .isEqualTo(2);
    }

    private static double mailsSent(TestServer app) {
        return MetricsEndpointTest.value(app.get("/metrics").body(), "bookshop_emails_total{outcome=\"sent\"}");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Journey(String userId, List<String> tokens) {}

    /**
     * Reconfigures logback from one of the production files and captures what its console appender prints; closing
     * restores the test configuration and the real standard output.
     */
    private static final class CapturedLogs implements AutoCloseable {

        private final PrintStream original = System.out;
        private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

        private CapturedLogs(String configuration) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            configure(configuration);
        }

        static CapturedLogs configuredBy(String configuration) {
            return new CapturedLogs(configuration);
        }

        List<String> lines() {
            System.out.flush();
            return captured.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
        }

        @Override
        public void close() {
            configure("logback-test.xml");
            System.setOut(original);
        }

        private static void configure(String resource) {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(LogOutputTest.class.getResource("/" + resource));
            } catch (JoranException e) {
                throw new UncheckedIOException(new IOException("could not configure logback from " + resource, e));
            }
        }
    }
}
