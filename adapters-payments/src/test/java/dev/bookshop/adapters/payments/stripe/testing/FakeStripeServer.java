package dev.bookshop.adapters.payments.stripe.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local stand-in for Stripe's API that stripe-java talks to over real HTTP through an overridden API base. It
 * records every request, and by default behaves like Stripe for the calls the shop makes: creating a PaymentIntent
 * (the same {@code Idempotency-Key} answers the same intent), reading and cancelling one (refused with
 * {@code payment_intent_unexpected_state} once it succeeded, was cancelled or is processing) and creating a refund. Tests can script
 * other answers: card declines, server errors, answers slower than the client's timeout.
 *
 * <p>Listens on 127.0.0.1 on a free port; {@link #close()} stops it and interrupts any answer still sleeping.
 */
public final class FakeStripeServer implements AutoCloseable {

    /** The API key tests configure; the server records what it receives, it does not check it. */
    public static final String TEST_API_KEY = "sk_test_bookshop_fake_key";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Answer> sticky = new AtomicReference<>();
    private final Map<String, CreatedIntent> intentsByKey = new ConcurrentHashMap<>();
    private final Map<String, CreatedIntent> intentsById = new ConcurrentHashMap<>();
    private final AtomicReference<String> newIntentStatus = new AtomicReference<>("requires_payment_method");
    private final AtomicInteger sequence = new AtomicInteger();

    private FakeStripeServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeStripeServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-stripe");
                thread.setDaemon(true);
                return thread;
            });
            FakeStripeServer fake = new FakeStripeServer(server, executor);
            server.createContext("/", fake::handle);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Stripe server", e);
        }
    }

    /** What to pass as the API base ({@code STRIPE_API_BASE}). */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests to one path, e.g. {@code /v1/payment_intents}. */
    public List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The next request gets this answer instead of the default behaviour (answers queue up in order). */
    public void answerNext(Answer answer) {
        scripted.add(answer);
    }

    /** Every request gets this answer until {@link #reset()} (scripted answers still go first). */
    public void answerEveryRequest(Answer answer) {
        sticky.set(answer);
    }

    /** The status newly created intents answer with ({@code requires_payment_method} unless changed). */
    public void newIntentStatus(String status) {
        newIntentStatus.set(status);
    }

    /** The intent created under this id, if any. */
    public Optional<CreatedIntent> intent(String id) {
        return Optional.ofNullable(intentsById.get(id));
    }

    /** Intents created so far (one per distinct idempotency key). */
    public List<CreatedIntent> intents() {
        return List.copyOf(intentsById.values());
    }

    /**
     * Moves an intent to another status, as the customer confirming it ({@code succeeded}) or Stripe processing it
     * ({@code processing}) would; the amount received follows.
     */
    public void intentStatus(String id, String status) {
        intentsById.computeIfPresent(id, (k, intent) -> {
            CreatedIntent moved = intent.withStatus(status);
            intentsByKey.replaceAll((key, value) -> value.id().equals(id) ? moved : value);
            return moved;
        });
    }

    /** Forgets requests, scripted answers and intents. */
    public void reset() {
        requests.clear();
        scripted.clear();
        sticky.set(null);
        intentsByKey.clear();
        intentsById.clear();
        newIntentStatus.set("requires_payment_method");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One request as the server saw it; the form holds the decoded {@code application/x-www-form-urlencoded} body. */
    public record RecordedRequest(
            String method, String path, Map<String, String> headers, Map<String, String> form, String body) {

        /** A header by name, ignoring case. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        /** A form field, e.g. {@code metadata[orderId]}. */
        public Optional<String> param(String name) {
            return Optional.ofNullable(form.get(name));
        }
    }

    /** A PaymentIntent this server created. */
    public record CreatedIntent(
            String id, long amount, String currency, Map<String, String> metadata, String clientSecret, String status) {

        public Optional<String> orderId() {
            return Optional.ofNullable(metadata.get("orderId"));
        }

        CreatedIntent withStatus(String newStatus) {
            return new CreatedIntent(id, amount, currency, metadata, clientSecret, newStatus);
        }
    }

    /** A scripted answer: status, JSON body, and how long to wait before sending it. */
    public record Answer(int status, String json, Duration delay) {

        public static Answer json(int status, String json) {
            return new Answer(status, json, Duration.ZERO);
        }

        /** What Stripe answers when the card is refused: 402 with a {@code card_error}. */
        public static Answer cardDeclined() {
            return json(402, """
                    {"error": {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
                     "message": "Your card was declined.", "doc_url": "https://stripe.com/docs/error-codes/card-declined"}}
                    """);
        }

        public static Answer serverError() {
            return json(500, """
                    {"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}
                    """);
        }

        /** Answers (with a server error) only after this long: longer than the client's timeout, it times out. */
        public static Answer slow(Duration delay) {
            return new Answer(500, "{\"error\": {\"type\": \"api_error\", \"message\": \"too late\"}}", delay);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            RecordedRequest request = new RecordedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Collections.unmodifiableMap(headers),
                    decodeForm(body),
                    body);
            requests.add(request);
            Answer answer = Optional.ofNullable(scripted.poll())
                    .or(() -> Optional.ofNullable(sticky.get()))
                    .orElseGet(() -> behaveLikeStripe(request));
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_fake_" + sequence.incrementAndGet());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client gave up (its timeout): nothing left to answer.
        }
    }

    private Answer behaveLikeStripe(RecordedRequest request) {
        if (request.method().equals("POST") && request.path().equals("/v1/payment_intents")) {
            String key = request.header("Idempotency-Key").orElse("no-key-" + sequence.incrementAndGet());
            CreatedIntent intent = intentsByKey.computeIfAbsent(key, k -> createIntent(request.form()));
            return Answer.json(200, intentJson(intent));
        }
        String intentsPrefix = "/v1/payment_intents/";
        if (request.path().startsWith(intentsPrefix)) {
            String rest = request.path().substring(intentsPrefix.length());
            boolean cancel = request.method().equals("POST") && rest.endsWith("/cancel");
            String id = cancel ? rest.substring(0, rest.length() - "/cancel".length()) : rest;
            CreatedIntent intent = intentsById.get(id);
            if (intent == null) {
                return Answer.json(
                        404,
                        "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\","
                                + " \"message\": \"No such payment_intent: '" + id + "'\"}}");
            }
            if (request.method().equals("GET") && !rest.contains("/")) {
                return Answer.json(200, intentJson(intent));
            }
            if (cancel) {
                // Like Stripe: only an intent still waiting for the customer can be cancelled.
                if (List.of("succeeded", "canceled", "processing").contains(intent.status())) {
                    return Answer.json(
                            400,
                            "{\"error\": {\"type\": \"invalid_request_error\", \"code\":"
                                    + " \"payment_intent_unexpected_state\", \"message\": \"You cannot cancel this"
                                    + " PaymentIntent because it has a status of " + intent.status() + ".\","
                                    + " \"payment_intent\": " + intentJson(intent) + "}}");
                }
                intentStatus(id, "canceled");
                return Answer.json(200, intentJson(intentsById.get(id)));
            }
        }
        if (request.method().equals("POST") && request.path().equals("/v1/refunds")) {
            String intentId = request.param("payment_intent").orElse("");
            CreatedIntent intent = intentsById.get(intentId);
            long amount = request.param("amount").map(Long::parseLong).orElse(intent == null ? 0L : intent.amount());
            String currency = intent == null ? "eur" : intent.currency();
            return Answer.json(
                    200,
                    "{\"id\": \"re_fake_" + sequence.incrementAndGet() + "\", \"object\": \"refund\", \"amount\": "
                            + amount + ", \"currency\": \"" + currency + "\", \"payment_intent\": \"" + intentId
                            + "\", \"status\": \"succeeded\"}");
        }
        return Answer.json(
                404,
                "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Unrecognized request URL ("
                        + request.method() + ": " + request.path() + ").\"}}");
    }

    private CreatedIntent createIntent(Map<String, String> form) {
        String id = "pi_fake_" + sequence.incrementAndGet();
        Map<String, String> metadata = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("metadata[") && name.endsWith("]")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        CreatedIntent intent = new CreatedIntent(
                id,
                Long.parseLong(form.getOrDefault("amount", "0")),
                form.getOrDefault("currency", ""),
                Map.copyOf(metadata),
                id + "_secret_fake" + sequence.incrementAndGet(),
                newIntentStatus.get());
        intentsById.put(id, intent);
        return intent;
    }

    private static String intentJson(CreatedIntent intent) {
        List<String> metadata = new ArrayList<>();
        intent.metadata().forEach((k, v) -> metadata.add("\"" + k + "\": \"" + v + "\""));
        return "{\"id\": \"" + intent.id() + "\", \"object\": \"payment_intent\", \"amount\": " + intent.amount()
                + ", \"amount_received\": " + ("succeeded".equals(intent.status()) ? intent.amount() : 0)
                + ", \"currency\": \"" + intent.currency() + "\", \"status\": \"" + intent.status()
                + "\", \"client_secret\": \"" + intent.clientSecret() + "\", \"livemode\": false,"
                + " \"automatic_payment_methods\": {\"enabled\": true}, \"metadata\": {" + String.join(", ", metadata)
                + "}}";
    }

    private static Map<String, String> decodeForm(String body) {
        if (body.isEmpty()) {
            return Map.of();
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return Collections.unmodifiableMap(form);
    }
}
