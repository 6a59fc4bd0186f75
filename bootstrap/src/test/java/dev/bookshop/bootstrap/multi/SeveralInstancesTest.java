package dev.bookshop.bootstrap.multi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer;
import dev.bookshop.bootstrap.BookshopServer;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several instances of the shop behind one load balancer: two servers on one PostgreSQL database and one Redis (reached
 * through a relay this test can cut), driven at once over HTTP. Stock, jobs and mail are shared through PostgreSQL, the
 * rate limits through Redis; a Redis outage changes only where the limits are counted. Skipped, saying so, where no
 * Redis answers ({@code TEST_REDIS_URL}, else {@code redis://127.0.0.1:6379}).
 */
class SeveralInstancesTest {

    private static final String REDIS =
            Optional.ofNullable(System.getenv("TEST_REDIS_URL")).orElse("redis://127.0.0.1:6379");
    private static final int LOGINS_PER_EMAIL = 4;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static FakeStripeServer stripe;
    private static GreenMail smtp;
    private static RedisProxy redis;
    private static TestServer first;
    private static BookshopServer second;
    private static Map<String, String> environment;
    private static Customer admin;

    @BeforeAll
    static void start() throws IOException {
        URI redisUri = URI.create(REDIS);
        int redisPort = redisUri.getPort() < 0 ? 6379 : redisUri.getPort();
        assumeTrue(
                answers(redisUri.getHost(), redisPort),
                "no Redis at " + REDIS + " (set TEST_REDIS_URL): the several-instances suite is skipped");
        redis = RedisProxy.to(redisUri.getHost(), redisPort);
        stripe = FakeStripeServer.start();
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        Map<String, String> env = new HashMap<>();
        env.put("REDIS_URL", redis.url());
        // A prefix of this run's own: other runs and suites on the same Redis keep their buckets.
        env.put("REDIS_KEY_PREFIX", "bookshop-test:" + UUID.randomUUID() + ":");
        env.put("PAYMENT_PROVIDER", "stripe");
        env.put("STRIPE_API_KEY", FakeStripeServer.TEST_API_KEY);
        env.put("STRIPE_WEBHOOK_SECRET", "whsec_several_instances");
        env.put("STRIPE_API_BASE", stripe.baseUrl());
        // Unpaid orders expire after two seconds; each instance then sweeps every second.
        env.put("ORDER_PAYMENT_TIMEOUT", "PT2S");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        env.put("RATE_LIMIT_LOGIN_PER_MINUTE", "100000");
        env.put("RATE_LIMIT_LOGIN_PER_EMAIL_PER_MINUTE", Integer.toString(LOGINS_PER_EMAIL));
        env.put("RATE_LIMIT_SIGNUP_PER_HOUR", "100000");
        env.put("RATE_LIMIT_REFRESH_PER_MINUTE", "100000");
        env.put("RATE_LIMIT_CHECKOUT_PER_MINUTE", "100000");
        env.put("RATE_LIMIT_ACCOUNT_MAIL_PER_HOUR", "100000");
        // Kept pages would outlive the suite: only another instance's notification can make one change in time.
        env.put("CATALOGUE_CACHE_TTL", "PT1H");
        environment = Map.copyOf(env);
        first = TestServer.start(environment);
        second = first.startAnotherInstance(environment);
        admin = first.admin();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (stripe != null) {
            stripe.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void buyersSplitOverTwoInstancesGetExactlyTheLastCopies() throws Exception {
        stripe.newIntentStatus("succeeded");
        try {
            JsonNode book = newBook(3);
            List<Customer> buyers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Customer buyer = first.newCustomer();
                addToCart(i, buyer, book, 1);
                buyers.add(buyer);
            }

            List<Response> answers = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(buyers.size())) {
                List<Future<Response>> pending = new ArrayList<>();
                for (int i = 0; i < buyers.size(); i++) {
                    int instance = i;
                    Customer buyer = buyers.get(i);
                    pending.add(pool.submit(() -> {
                        go.await();
                        return on(instance, "POST", "/api/v1/checkout", null, "Authorization", buyer.bearer());
                    }));
                }
                go.countDown();
                for (Future<Response> answer : pending) {
                    answers.add(answer.get());
                }
            }

            assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(3);
            assertThat(answers).filteredOn(a -> a.status() != 201).hasSize(7).allSatisfy(refused -> {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
                assertThat(refused.json().get("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
            });
            assertThat(stock(0, book)).isZero();
            assertThat(stock(1, book)).isZero();
            assertThat(count(
                            "select count(*) from order_items where product_id = ?::uuid",
                            book.get("id").asText()))
                    .isEqualTo(3);
        } finally {
            stripe.newIntentStatus("requires_payment_method");
        }
    }

    @Test
    void attemptsSpreadOverTheInstancesDrawOnOneLoginBudget() {
        String email = newAccount();

        for (int attempt = 0; attempt < LOGINS_PER_EMAIL; attempt++) {
            assertThat(wrongLogin(attempt, email).status())
                    .as("attempt %d", attempt)
                    .isEqualTo(401);
        }

        assertThat(wrongLogin(0, email).status()).isEqualTo(429);
        assertThat(wrongLogin(1, email).status()).isEqualTo(429);
    }

    /**
     * The same two instances without {@code REDIS_URL}: each counts alone, so attempts spread over them get twice the
     * budget. This is what the shared budget above guards against.
     */
    @Test
    void withoutRedisEachInstanceCountsAloneAndTheBudgetDoubles() {
        Map<String, String> alone = new HashMap<>(environment);
        alone.remove("REDIS_URL");
        try (BookshopServer one = first.startAnotherInstance(alone);
                BookshopServer other = first.startAnotherInstance(alone)) {
            String email = newAccount();
            String wrong = TestServer.json(Map.of("email", email, "password", "not the password"));

            for (int attempt = 0; attempt < 2 * LOGINS_PER_EMAIL; attempt++) {
                BookshopServer instance = attempt % 2 == 0 ? one : other;
                assertThat(first.sendTo(instance, "POST", "/api/v1/auth/login", wrong)
                                .status())
                        .as("attempt %d", attempt)
                        .isEqualTo(401);
            }
            assertThat(first.sendTo(one, "POST", "/api/v1/auth/login", wrong).status())
                    .isEqualTo(429);
        }
    }

    @Test
    void twoInstancesRunningTheJobsExpireEachOrderAndSendEachMailOnce() {
        JsonNode book = newBook(10);
        List<String> orders = new ArrayList<>();
        List<Customer> buyers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Customer buyer = first.newCustomer();
            addToCart(i, buyer, book, 1);
            Response checkout = on(i, "POST", "/api/v1/checkout", null, "Authorization", buyer.bearer());
            assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
            orders.add(checkout.json().at("/order/id").asText());
            buyers.add(buyer);
        }

        eventually(() -> assertThat(orders)
                .allSatisfy(order -> assertThat(strings("select status from orders where id = ?::uuid", order))
                        .containsExactly("FAILED")));
        eventually(() -> assertThat(count("select count(*) from mail_outbox where sent_at is null"))
                .isZero());

        for (String order : orders) {
            assertThat(strings("select type from order_events where order_id = ?::uuid order by at, id", order))
                    .as("order %s", order)
                    .containsExactly("PLACED", "PAYMENT_STARTED", "EXPIRED");
        }
        assertThat(stock(1, book)).as("each order's copy came back once").isEqualTo(10);
        long rows = count("select count(*) from mail_outbox");
        assertThat(smtp.getReceivedMessages()).as("one mail per outbox row").hasSize((int) rows);
        for (Customer buyer : buyers) {
            assertThat(smtp.getReceivedMessagesForDomain(buyer.email()))
                    .as("the welcome mail of %s, once", buyer.email())
                    .hasSize((int) count("select count(*) from mail_outbox where recipient = ?", buyer.email()));
        }
    }

    @Test
    void aRedisOutageChangesOnlyWhereTheLimitsAreCounted() {
        Customer buyer = first.newCustomer();
        JsonNode book = newBook(100);
        redis.cut();
        try {
            for (int i = 0; i < 12; i++) {
                List<Response> answers = List.of(
                        wrongLogin(i, "nobody-" + i + "@example.com"),
                        on(i, "GET", "/api/v1/products/" + book.get("slug").asText(), null),
                        on(i, "POST", "/api/v1/cart/add", cartLine(book, 1), "Authorization", buyer.bearer()),
                        on(i, "GET", "/health/ready", null));
                assertThat(answers)
                        .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isLessThan(500));
            }
            assertThat(metric(0, "bookshop_rate_limit_backend{backend=\"local\"}"))
                    .isEqualTo(1);
            assertThat(metric(1, "bookshop_rate_limit_backend{backend=\"local\"}"))
                    .isEqualTo(1);
            assertThat(metric(0, "bookshop_rate_limit_fallbacks_total")).isPositive();
            Response checkout = on(1, "POST", "/api/v1/checkout", null, "Authorization", buyer.bearer());
            assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        } finally {
            redis.restore();
        }

        // Back: each instance asks Redis again within a second and shares the budget once more.
        for (int instance = 0; instance < 2; instance++) {
            int asked = instance;
            eventually(() -> {
                wrongLogin(asked, "nobody-" + UUID.randomUUID() + "@example.com");
                assertThat(metric(asked, "bookshop_rate_limit_backend{backend=\"redis\"}"))
                        .isEqualTo(1);
            });
        }
        String email = newAccount();
        for (int attempt = 0; attempt < LOGINS_PER_EMAIL; attempt++) {
            assertThat(wrongLogin(attempt, email).status()).isEqualTo(401);
        }
        assertThat(wrongLogin(1, email).status()).isEqualTo(429);
    }

    @Test
    void aPriceChangedOnOneInstanceIsServedByTheOtherOnItsNextRead() {
        String author = "Priced " + UUID.randomUUID();
        Response created = first.post(
                "/api/v1/admin/products",
                TestServer.json(Map.of("title", "Repriced", "author", author, "priceCents", 1500, "stock", 4)),
                "Authorization",
                admin.bearer());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        // The second instance keeps which books this page of its admin list shows, and for how many.
        String cheap = "/api/v1/admin/products?maxPrice=2000&author="
                + java.net.URLEncoder.encode(author, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(adminList(1, cheap).get("total").asLong()).isEqualTo(1);

        Response repriced = on(
                0,
                "PATCH",
                "/api/v1/admin/products/" + id,
                TestServer.json(Map.of("priceCents", 9000)),
                "Authorization",
                admin.bearer());
        assertThat(repriced.status()).as(repriced.toString()).isEqualTo(200);

        // Within a few seconds, against a lifetime of an hour: only the notification can explain it.
        within(Duration.ofSeconds(5), () -> {
            JsonNode page = adminList(1, cheap);
            assertThat(page.get("total").asLong()).isZero();
            assertThat(page.get("items")).isEmpty();
        });
        Response detail =
                on(1, "GET", "/api/v1/products/" + created.json().get("slug").asText(), null);
        assertThat(detail.json().get("priceCents").asLong()).isEqualTo(9000);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Even requests go to the first instance, odd ones to the second, as a round-robin load balancer sends them. */
    private static Response on(int request, String method, String path, String body, String... headers) {
        return request % 2 == 0
                ? first.send(method, path, body, headers)
                : first.sendTo(second, method, path, body, headers);
    }

    private static String newAccount() {
        String email = "reader-" + UUID.randomUUID() + "@example.com";
        Response signup = first.post(
                "/api/v1/auth/signup", TestServer.json(Map.of("email", email, "password", TestServer.PASSWORD)));
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        return email;
    }

    private static Response wrongLogin(int request, String email) {
        return on(
                request,
                "POST",
                "/api/v1/auth/login",
                TestServer.json(Map.of("email", email, "password", "not the password")));
    }

    private static JsonNode newBook(int stock) {
        Response created = first.post(
                "/api/v1/admin/products",
                TestServer.json(Map.of(
                        "title",
                        "Shared Shelf " + UUID.randomUUID(),
                        "author",
                        "Test Author",
                        "priceCents",
                        1500,
                        "stock",
                        stock)),
                "Authorization",
                admin.bearer());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static String cartLine(JsonNode book, int quantity) {
        return TestServer.json(Map.of("productId", book.get("id").asText(), "quantity", quantity));
    }

    private static void addToCart(int request, Customer buyer, JsonNode book, int quantity) {
        Response added =
                on(request, "POST", "/api/v1/cart/add", cartLine(book, quantity), "Authorization", buyer.bearer());
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    private static int stock(int request, JsonNode book) {
        Response product =
                on(request, "GET", "/api/v1/products/" + book.get("slug").asText(), null);
        assertThat(product.status()).as(product.toString()).isEqualTo(200);
        return product.json().get("stock").asInt();
    }

    /** One sample of the instance's {@code /metrics}, by its full name with labels; 0 when it is not there. */
    private static double metric(int request, String sample) {
        Response metrics = on(request, "GET", "/metrics", null);
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        return metrics.body()
                .lines()
                .filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1)))
                .findFirst()
                .orElse(0);
    }

    private static long count(String sql, String... parameters) {
        return Long.parseLong(strings(sql, parameters).getFirst());
    }

    private static List<String> strings(String sql, String... parameters) {
        try (Connection connection = first.database().dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static JsonNode adminList(int request, String path) {
        Response page = on(request, "GET", path, null, "Authorization", admin.bearer());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json();
    }

    /** Retries until the assertion holds or {@link #WAIT} has passed: it bounds a background job, it times nothing. */
    private static void eventually(Runnable assertion) {
        within(WAIT, assertion);
    }

    private static void within(Duration wait, Runnable assertion) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
