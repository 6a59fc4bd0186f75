package dev.bookshop.bootstrap.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer;
import dev.bookshop.adapters.payments.stripe.testing.StripeEventPayloads;
import dev.bookshop.adapters.payments.stripe.testing.StripeSignatures;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole shop wired to Stripe the way production is, except that Stripe's API is a {@link FakeStripeServer} on
 * loopback: the payment end-to-end tests' common ground. It buys books over HTTP, delivers webhooks signed with the
 * endpoint's secret, and reads what only the database shows (the audit trail, the mail outbox).
 */
final class StripeShop implements AutoCloseable {

    static final String WEBHOOK_SECRET = "whsec_bookshop_end_to_end";
    static final String WEBHOOK = "/api/v1/payments/stripe/webhook";

    private final FakeStripeServer stripe;
    private final TestServer app;
    private final Map<String, String> environment;
    private Customer admin;

    private StripeShop(FakeStripeServer stripe, TestServer app, Map<String, String> environment) {
        this.stripe = stripe;
        this.app = app;
        this.environment = environment;
    }

    /** A shop on a fresh database talking to a fresh fake Stripe; {@code overrides} replace any variable. */
    static StripeShop start(Map<String, String> overrides) {
        FakeStripeServer stripe = FakeStripeServer.start();
        Map<String, String> env = new HashMap<>();
        env.put("PAYMENT_PROVIDER", "stripe");
        env.put("STRIPE_API_KEY", FakeStripeServer.TEST_API_KEY);
        env.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("STRIPE_API_BASE", stripe.baseUrl());
        env.putAll(overrides);
        try {
            return new StripeShop(stripe, TestServer.start(env), Map.copyOf(env));
        } catch (RuntimeException e) {
            stripe.close();
            throw e;
        }
    }

    FakeStripeServer stripe() {
        return stripe;
    }

    TestServer app() {
        return app;
    }

    /** The variables this shop started with, for another instance on the same database. */
    Map<String, String> environment() {
        return environment;
    }

    // ---- shopping -------------------------------------------------------------------------------------------

    /**
     * A signed-up, logged-in customer. Signed up through the use case: the HTTP route lets one address sign up ten
     * times an hour, fewer than a test class needs; logging in still goes over HTTP.
     */
    Customer newCustomer() {
        String email = "reader-" + UUID.randomUUID() + "@example.com";
        User user = app.server().useCases().signUp().signUp(Email.of(email), Password.chosen(TestServer.PASSWORD));
        return app.logIn(email, TestServer.PASSWORD, user.id().toString());
    }

    /** A book the admin adds; answers its ProductView. The admin logs in once: logins are rate limited too. */
    JsonNode newBook(String title, long priceCents, int stock) {
        if (admin == null) {
            admin = app.admin();
        }
        Response created = app.post(
                "/api/v1/admin/products",
                TestServer.json(Map.of(
                        "title",
                        title + " " + UUID.randomUUID(),
                        "author",
                        "Test Author",
                        "priceCents",
                        priceCents,
                        "stock",
                        stock)),
                "Authorization",
                admin.bearer());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    void addToCart(Customer customer, JsonNode book, int quantity) {
        Response added = app.post(
                "/api/v1/cart/add",
                TestServer.json(Map.of("productId", book.get("id").asText(), "quantity", quantity)),
                "Authorization",
                customer.bearer());
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    Response checkout(Customer customer) {
        return app.post("/api/v1/checkout", null, "Authorization", customer.bearer());
    }

    /** Puts the books in the cart and checks out; the checkout must be accepted and its payment left open. */
    Purchase buy(Customer customer, JsonNode book, int quantity) {
        addToCart(customer, book, quantity);
        Response checkout = checkout(customer);
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        String orderId = checkout.json().at("/order/id").asText();
        FakeStripeServer.CreatedIntent intent = stripe.intents().stream()
                .filter(i -> i.orderId().equals(Optional.of(orderId)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no PaymentIntent created for order " + orderId));
        return new Purchase(
                customer,
                orderId,
                intent.id(),
                checkout.json().at("/order/totalCents").asLong(),
                checkout);
    }

    /** A new customer buying {@code quantity} copies of {@code book}. */
    Purchase newPurchase(JsonNode book, int quantity) {
        return buy(newCustomer(), book, quantity);
    }

    int stock(JsonNode book) {
        Response product = app.get("/api/v1/products/" + book.get("slug").asText());
        assertThat(product.status()).as(product.toString()).isEqualTo(200);
        return product.json().get("stock").asInt();
    }

    JsonNode order(Purchase purchase) {
        Response order = app.get(
                "/api/v1/orders/" + purchase.orderId(),
                "Authorization",
                purchase.buyer().bearer());
        assertThat(order.status()).as(order.toString()).isEqualTo(200);
        return order.json();
    }

    String status(Purchase purchase) {
        return order(purchase).get("status").asText();
    }

    /** The customer's newest order, as their order history shows it. */
    JsonNode latestOrder(Customer customer) {
        Response orders = app.get("/api/v1/orders/me", "Authorization", customer.bearer());
        assertThat(orders.status()).as(orders.toString()).isEqualTo(200);
        assertThat(orders.json().get("items")).isNotEmpty();
        return orders.json().get("items").get(0);
    }

    // ---- webhooks -------------------------------------------------------------------------------------------

    /** A {@code payment_intent.*} event for this purchase's intent, with a new event id. */
    static String event(String type, Purchase purchase) {
        return event(type, purchase.intentId(), purchase.totalCents(), purchase.orderId());
    }

    static String event(String type, String intentId, long amount, String orderId) {
        return StripeEventPayloads.paymentIntentEvent(newEventId(), type, intentId, amount, "eur", orderId);
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Delivers the payload as Stripe does: signed now with the endpoint secret. */
    Response deliver(String payload) {
        return deliver(payload, StripeSignatures.sign(payload, WEBHOOK_SECRET, Instant.now()));
    }

    /** Delivers the payload with this {@code Stripe-Signature} header, or none when it is null. */
    Response deliver(String payload, String signature) {
        if (signature == null) {
            return app.post(WEBHOOK, payload, "Content-Type", "application/json; charset=utf-8");
        }
        return app.post(
                WEBHOOK, payload, "Content-Type", "application/json; charset=utf-8", "Stripe-Signature", signature);
    }

    // ---- what only the database shows -----------------------------------------------------------------------

    /** The order's audit trail, oldest first: event types only. */
    List<String> auditTrail(String orderId) {
        return strings("select type from order_events where order_id = ?::uuid order by at, id", orderId);
    }

    String paymentReference(String orderId) {
        return strings("select coalesce(payment_reference, '') from orders where id = ?::uuid", orderId)
                .getFirst();
    }

    /** The single number a {@code select count(*) …} answers. */
    long count(String sql, String... parameters) {
        return Long.parseLong(strings(sql, parameters).getFirst());
    }

    /** Order confirmations addressed to this customer (signup's verification mail is not one). */
    List<OutboxRow> outbox(Customer customer) {
        List<OutboxRow> rows = new ArrayList<>();
        query(
                "select attempts, sent_at is not null, coalesce(last_error, '') from mail_outbox"
                        + " where recipient = ? and dedupe_key like 'order-confirmation:%'",
                List.of(customer.email()),
                rs -> rows.add(new OutboxRow(rs.getInt(1), rs.getBoolean(2), rs.getString(3))));
        return rows;
    }

    record OutboxRow(int attempts, boolean sent, String lastError) {}

    private List<String> strings(String sql, String... parameters) {
        List<String> values = new ArrayList<>();
        query(sql, List.of(parameters), rs -> values.add(rs.getString(1)));
        return values;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<String> parameters, RowReader reader) {
        try (Connection connection = app.database().dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    // ---- waiting --------------------------------------------------------------------------------------------

    /**
     * Retries the assertion until it holds or {@code atMost} has passed, then fails with its last failure. For what
     * background jobs do: it bounds the wait, it does not time anything.
     */
    static void eventually(Duration atMost, Runnable assertion) {
        long deadline = System.nanoTime() + atMost.toNanos();
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

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            stripe.close();
        }
    }

    /** A checkout the shop accepted with its payment open: who bought, the order, its PaymentIntent and total. */
    record Purchase(Customer buyer, String orderId, String intentId, long totalCents, Response checkout) {}
}
