package dev.bookshop.bootstrap.hardening;

import static dev.bookshop.bootstrap.hardening.Http.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer;
import dev.bookshop.adapters.payments.stripe.testing.StripeEventPayloads;
import dev.bookshop.adapters.payments.stripe.testing.StripeSignatures;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Judge;
import dev.bookshop.bootstrap.hardening.Operations.Operation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of every operation in the OpenAPI document, against one whole shop (PostgreSQL, Stripe
 * through a local fake so the webhook is live): generated and mutated requests — random and malformed JSON, wrong
 * types, huge and negative numbers, deep nesting, long and unicode strings, malformed ids in paths and bodies, bad
 * query parameters, content types, headers and tokens, webhook deliveries signed and not. Every answer must be one
 * the document lists for the operation (validated against its schema), never a 5xx, a problem document on every 4xx,
 * and a refused request must leave every table a request can write exactly as it was.
 *
 * <p>CI runs a fixed seed and a bounded number of tries; {@link FuzzRuns} lengthens a run (docs/SECURITY.md).
 */
class ApiFuzzTest {

    static final String JWT_SECRET = "an-end-to-end-test-secret-long-enough-for-hs256";
    static final String WEBHOOK_SECRET = "whsec_bookshop_fuzz";

    private static FakeStripeServer stripe;
    private static TestServer server;
    private static Http http;
    private static ShopState state;
    private static Fixtures fixtures;
    private static Map<String, String> lastFingerprint;
    private static final Map<String, AtomicInteger> STATUSES = new TreeMap<>();
    private static final AtomicInteger SENT = new AtomicInteger();

    /** What the generated requests point at: real accounts, tokens, books and orders, and forged tokens. */
    record Fixtures(
            Customer admin,
            Customer customer,
            Customer victim,
            String bookId,
            String bookSlug,
            String otherBookId,
            String customersOrder,
            String victimsOrder,
            String victimsIntent,
            List<String> forgedTokens,
            List<String> cursors,
            String customersAddress,
            String victimsAddress) {}

    @BeforeContainer
    static void start() {
        stripe = FakeStripeServer.start();
        server = TestServer.start(Map.of(
                "PAYMENT_PROVIDER",
                "stripe",
                "STRIPE_API_KEY",
                FakeStripeServer.TEST_API_KEY,
                "STRIPE_WEBHOOK_SECRET",
                WEBHOOK_SECRET,
                "STRIPE_API_BASE",
                stripe.baseUrl()));
        http = Http.of(server);
        state = new ShopState(server.database().dataSource());
        Customer admin = http.admin();
        Customer customer = http.newCustomer();
        Customer victim = http.newCustomer();
        JsonNode book = http.newBook(admin, 1000, 100_000);
        JsonNode other = http.newBook(admin, 250, 5);
        String customersOrder = order(customer, book);
        String victimsOrder = order(victim, book);
        String victimsIntent = stripe.intents().stream()
                .filter(i -> i.orderId().orElse("").equals(victimsOrder))
                .findFirst()
                .orElseThrow()
                .id();
        fixtures = new Fixtures(
                admin,
                customer,
                victim,
                book.get("id").asText(),
                book.get("slug").asText(),
                other.get("id").asText(),
                customersOrder,
                victimsOrder,
                victimsIntent,
                forgedTokens(customer, victim),
                cursors(),
                address(customer),
                address(victim));
    }

    /**
     * Cursors the shop really gave, for two orders, and one of them with a character changed: sent to every route, so
     * a cursor that decodes but belongs to another list, or was altered, is tried where it is read and where it is not.
     */
    private static List<String> cursors() {
        List<String> cursors = new ArrayList<>();
        for (String sort : List.of("title", "-price")) {
            Response page = http.get(V1 + "/products?size=1&sort=" + sort);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            String cursor = page.json().path("nextCursor").asText();
            assertThat(cursor).as("a next cursor over two books").isNotEmpty();
            cursors.add(cursor);
        }
        String first = cursors.getFirst();
        int middle = first.length() / 2;
        char changed = first.charAt(middle) == 'A' ? 'B' : 'A';
        cursors.add(first.substring(0, middle) + changed + first.substring(middle + 1));
        return List.copyOf(cursors);
    }

    private static String address(Customer who) {
        Response saved = http.post(
                V1 + "/users/me/addresses",
                Map.of(
                        "name",
                        "Fuzz",
                        "line1",
                        "1 Main Street",
                        "city",
                        "Dublin",
                        "postalCode",
                        "D02",
                        "country",
                        "IE"),
                Http.auth(who));
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        return saved.json().get("id").asText();
    }

    private static String order(Customer who, JsonNode book) {
        http.post(V1 + "/cart/add", Map.of("productId", book.get("id").asText(), "quantity", 1), Http.auth(who));
        Response checkout = http.post(V1 + "/checkout", null, Http.auth(who));
        assertThat(checkout.status()).as("%s", checkout).isEqualTo(201);
        return checkout.json().at("/order/id").asText();
    }

    @AfterContainer
    static void stop() {
        System.out.println(
                "ApiFuzzTest sent " + SENT.get() + " requests; answers by operation and status: " + STATUSES);
        try {
            server.close();
        } finally {
            stripe.close();
        }
    }

    // ---- the property ---------------------------------------------------------------------------------------

    @AddLifecycleHook(FuzzRuns.class)
    @Property(tries = 1000, seed = "9120250917", shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void noRequestFailsTheServerOrWritesWhatItRefused(@ForAll("requests") FuzzRequest request) {
        Map<String, String> before = lastFingerprint == null ? state.fingerprint() : lastFingerprint;
        Response answer = http.exchange(request.method(), request.path(), request.body(), request.headers());
        SENT.incrementAndGet();
        synchronized (STATUSES) {
            STATUSES.computeIfAbsent(request.operation() + " " + answer.status(), k -> new AtomicInteger())
                    .incrementAndGet();
        }

        List<String> problems = new ArrayList<>(Judge.violations(request.method(), request.path(), answer));
        if (answer.status() >= 400) {
            if (!String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
                problems.add("a " + answer.status() + " that is not a problem document");
            }
            Map<String, String> after = state.fingerprint();
            List<String> changed = ShopState.changed(before, after);
            if (!changed.isEmpty()) {
                problems.add("a refused request (" + answer.status() + ") changed " + changed);
            }
            lastFingerprint = after;
        } else {
            lastFingerprint = null;
        }
        assertThat(problems)
                .as("%s\nanswered %s %s", request, answer.status(), Http.abbreviate(answer.body()))
                .isEmpty();
    }

    // ---- generated requests ---------------------------------------------------------------------------------

    /** One request as sent; {@code toString} is what a failure report shows. */
    record FuzzRequest(String operation, String method, String path, byte[] body, String[] headers) {

        @Override
        public String toString() {
            String shown = body == null ? "(no body)" : new String(body, StandardCharsets.UTF_8);
            return operation + "\n" + method + " " + path + "\nheaders " + List.of(headers) + "\nbody "
                    + Http.abbreviate(shown);
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return Arbitraries.of(Operations.all()).flatMap(this::requestFor);
    }

    private Arbitrary<FuzzRequest> requestFor(Operation operation) {
        boolean webhook = operation.template().endsWith("/webhook");
        Arbitrary<String> path = pathFor(operation);
        Arbitrary<String> query = queryFor(operation);
        Arbitrary<String> authorization = authorization();
        Arbitrary<byte[]> body = webhook ? webhookBody() : bodyFor(operation);
        Arbitrary<String> contentType = contentType();
        Arbitrary<List<String>> extraHeaders = extraHeaders(operation);
        Arbitrary<Integer> signing = Arbitraries.integers().between(0, 4);
        return Combinators.combine(path, query, authorization, body, contentType, extraHeaders, signing)
                .as((p, q, auth, b, type, extra, sign) -> {
                    List<String> headers = new ArrayList<>();
                    if (auth != null) {
                        headers.add("Authorization");
                        headers.add(auth);
                    }
                    if (b != null) {
                        headers.add("Content-Type");
                        headers.add(type);
                    }
                    headers.addAll(extra);
                    if (webhook) {
                        String signature = webhookSignature(b, sign);
                        if (signature != null) {
                            headers.add("Stripe-Signature");
                            headers.add(signature);
                        }
                    }
                    return new FuzzRequest(
                            operation.toString(), operation.method(), p + q, b, headers.toArray(String[]::new));
                });
    }

    // ---- paths ----

    private static final List<String> MALFORMED_IDS = List.of(
            "not-a-uuid",
            "123",
            "0",
            "-1",
            "6f1c2a4e9d1b4c558a1e2b7d9c3f4a10",
            "6f1c2a4e-9d1b-4c55-8a1e-2b7d9c3f4a1Z",
            "{6f1c2a4e-9d1b-4c55-8a1e-2b7d9c3f4a10}",
            "1-2-3-4-5",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "6f1c2a4e-9d1b-4c55-8a1e-2b7d9c3f4a10-extra",
            " 6f1c2a4e-9d1b-4c55-8a1e-2b7d9c3f4a10",
            "null",
            "undefined",
            "me",
            "' or '1'='1",
            "..",
            ".",
            "%",
            "x".repeat(2000),
            "ünïcødé-日本語-🙂",
            "\u202egnp.exe",
            "a/b",
            "a;b=c");

    private Arbitrary<String> pathFor(Operation operation) {
        if (!operation.hasPathParameters()) {
            return Arbitraries.just(operation.template());
        }
        return pathValue(operation)
                .map(value -> operation
                        .template()
                        .replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(segment(value))));
    }

    private Arbitrary<String> pathValue(Operation operation) {
        String template = operation.template();
        List<String> known;
        if (template.contains("/admin/users/")) {
            known = List.of(fixtures.victim().id(), fixtures.customer().id());
        } else if (template.contains("/addresses/")) {
            known = List.of(fixtures.customersAddress(), fixtures.victimsAddress());
        } else if (template.contains("/orders/")) {
            known = List.of(fixtures.customersOrder(), fixtures.victimsOrder());
        } else if (template.contains("{country}")) {
            known = List.of("DE", "ie", "XX");
        } else if (template.contains("{idOrSlug}")) {
            known = List.of(fixtures.bookId(), fixtures.bookSlug(), fixtures.otherBookId());
        } else {
            known = List.of(fixtures.bookId(), fixtures.otherBookId());
        }
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(known)),
                Tuple.of(1, Arbitraries.of(known).map(id -> id.toUpperCase(Locale.ROOT))),
                Tuple.of(2, randomUuids()),
                Tuple.of(3, Arbitraries.of(MALFORMED_IDS)),
                Tuple.of(2, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)));
    }

    /** Percent-encodes a path segment (UTF-8), spaces as %20. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Arbitrary<String> randomUuids() {
        return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()).toString());
    }

    // ---- query strings ----

    private static final List<String> EXTRA_QUERY_NAMES = List.of(
            "page",
            "size",
            "cursor",
            "limit",
            "sort",
            "q",
            "status",
            "userId",
            "id",
            "role",
            "__proto__",
            "callback",
            "");

    private Arbitrary<String> queryFor(Operation operation) {
        List<String> names = new ArrayList<>(operation.queryParameters().keySet());
        names.addAll(EXTRA_QUERY_NAMES);
        Arbitrary<String> pair = Arbitraries.of(names)
                .flatMap(
                        name -> queryValue(operation, name).map(value -> encodeQuery(name) + "=" + encodeQuery(value)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("")),
                Tuple.of(6, pair.list().ofMinSize(1).ofMaxSize(5).map(pairs -> "?" + String.join("&", pairs))),
                Tuple.of(1, Arbitraries.of("?", "?&&", "?=", "?page", "?size=&page=", "?a=1&a=2&a=3")));
    }

    private Arbitrary<String> queryValue(Operation operation, String name) {
        JsonNode schema = operation.queryParameters().get(name);
        List<String> enumValues = new ArrayList<>();
        if (schema != null) {
            schema.path("enum").forEach(v -> enumValues.add(v.asText()));
        }
        enumValues.addAll(List.of("PAID", "PENDING", "FAILED", "paid", "title", "-price", "newest", "true", "false"));
        enumValues.add(fixtures.victim().id());
        enumValues.add(fixtures.customer().id());
        enumValues.addAll(fixtures.cursors());
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(NUMBER_TEXTS)),
                Tuple.of(2, Arbitraries.of(enumValues)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(200).ofMaxLength(2000)),
                Tuple.of(1, Arbitraries.of("", " ", "%", "'", "\"", "*", "\u0000", "日本語", "-- ;drop table users")));
    }

    private static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- credentials ----

    private Arbitrary<String> authorization() {
        String customer = fixtures.customer().accessToken();
        String admin = fixtures.admin().accessToken();
        List<String> bad = new ArrayList<>(List.of(
                "Bearer",
                "Bearer ",
                "Bearer null",
                "bearer " + customer,
                "BEARER   " + admin,
                "Bearer " + customer + "x",
                "Bearer " + customer.substring(0, customer.length() - 2),
                "Bearer " + customer + "." + customer,
                "Bearer " + admin.replace('.', ' '),
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)),
                "Token " + admin,
                customer,
                "Bearer " + "a".repeat(4000)));
        fixtures.forgedTokens().forEach(token -> bad.add("Bearer " + token));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just((String) null)),
                Tuple.of(4, Arbitraries.just("Bearer " + customer)),
                Tuple.of(3, Arbitraries.just("Bearer " + admin)),
                Tuple.of(3, Arbitraries.of(bad)),
                Tuple.of(1, printable(0, 200).map(junk -> "Bearer " + junk)));
    }

    /** Tokens with a valid signature but claims the shop must refuse, and tokens signed with another key. */
    private static List<String> forgedTokens(Customer customer, Customer victim) {
        Instant now = Instant.now();
        List<String> forged = new ArrayList<>();
        forged.add(jwt(JWT_SECRET, victim.id(), "ADMIN", now, now.plusSeconds(600), "bookshop", "bookshop-api"));
        forged.add(jwt(JWT_SECRET, customer.id(), "ROOT", now, now.plusSeconds(600), null, null));
        forged.add(jwt(JWT_SECRET, "not-a-uuid", "USER", now, now.plusSeconds(600), null, null));
        forged.add(jwt(JWT_SECRET, UUID.randomUUID().toString(), "ADMIN", now, now.plusSeconds(600), null, null));
        forged.add(jwt(JWT_SECRET, customer.id(), "USER", now.minusSeconds(7200), now.minusSeconds(3600), null, null));
        forged.add(jwt(
                "another-secret-that-is-long-enough-for-hs256!!",
                customer.id(),
                "ADMIN",
                now,
                now.plusSeconds(600),
                null,
                null));
        String[] parts = customer.accessToken().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        forged.add(none + "." + parts[1] + ".");
        return forged;
    }

    /** A token signed with {@code secret}; null issuer or audience means the shop's own (copied from a real token). */
    private static String jwt(
            String secret, String subject, String role, Instant issued, Instant expires, String iss, String aud) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .claim("role", role)
                    .issueTime(Date.from(issued))
                    .expirationTime(Date.from(expires))
                    .jwtID(UUID.randomUUID().toString());
            JWTClaimsSet real = SignedJWT.parse(http.admin().accessToken()).getJWTClaimsSet();
            claims.issuer(iss == null ? real.getIssuer() : iss);
            claims.audience(aud == null ? real.getAudience() : List.of(aud));
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- headers ----

    private static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("application/json")),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "application/json; charset=utf-8",
                                "application/json; charset=UTF-16",
                                "application/json; charset=no-such-charset",
                                "application/json; charset=",
                                "application/json;;;",
                                "APPLICATION/JSON",
                                "application/merge-patch+json",
                                "application/problem+json",
                                "text/plain",
                                "text/json",
                                "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=xyz",
                                "application/xml",
                                "*/*",
                                "json",
                                "application/")),
                Tuple.of(1, printable(0, 60)));
    }

    private Arbitrary<List<String>> extraHeaders(Operation operation) {
        List<Arbitrary<List<String>>> options = new ArrayList<>();
        options.add(Arbitraries.just(List.of()));
        options.add(printable(0, 300).map(v -> List.of("Idempotency-Key", v)));
        options.add(printable(0, 200).map(v -> List.of("X-Request-Id", v)));
        options.add(Arbitraries.of("*/*", "application/xml", "text/html", "application/json;q=0", "")
                .map(v -> List.of("Accept", v)));
        options.add(Arbitraries.of("https://evil.example", "null", "http://localhost:8080")
                .map(v -> List.of("Origin", v)));
        // No gzip or br: compressed answers are legitimate, and this client does not inflate them.
        options.add(Arbitraries.of("identity", "identity;q=0", "*;q=0", "compress")
                .map(v -> List.of("Accept-Encoding", v)));
        options.add(Arbitraries.of("1.2.3.4", "127.0.0.1, 10.0.0.1", "garbage", "::1")
                .map(v -> List.of("X-Forwarded-For", v)));
        options.add(Arbitraries.of("DELETE", "PUT", "GET").map(v -> List.of("X-HTTP-Method-Override", v)));
        // Guest cart tokens that name no cart: the cart routes, login and signup must refuse or ignore them alike.
        options.add(Arbitraries.oneOf(printable(0, 300), Arbitraries.just("x".repeat(5000)))
                .map(v -> List.of("X-Cart-Token", v)));
        Arbitrary<List<String>> one = Arbitraries.oneOf(options);
        int weightOfKey = operation.headerParameters().contains("Idempotency-Key") ? 4 : 0;
        return Arbitraries.frequencyOf(
                Tuple.of(6, one),
                Tuple.of(
                        2,
                        one.list()
                                .ofMaxSize(4)
                                .map(lists ->
                                        lists.stream().flatMap(List::stream).toList())),
                Tuple.of(
                        weightOfKey,
                        Arbitraries.of("order-1", "order-2", "x".repeat(255), "x".repeat(256), " ")
                                .map(v -> List.of("Idempotency-Key", v))));
    }

    private static Arbitrary<String> printable(int min, int max) {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(min).ofMaxLength(max);
    }

    // ---- bodies ----

    private static final List<String> NUMBER_TEXTS = List.of(
            "0",
            "-0",
            "1",
            "-1",
            "2",
            "20",
            "99",
            "100",
            "101",
            "1000",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "1" + "0".repeat(40),
            "-" + "9".repeat(40),
            "1e400",
            "-1e400",
            "1E2",
            "1.0",
            "1.5",
            "-0.5",
            "0.0000001",
            "123456789012345678901234567890.5",
            "1" + "0".repeat(1200));

    private static final List<String> MALFORMED_JSON = List.of(
            "{",
            "}",
            "{\"a\":",
            "[1,2",
            "nul",
            "tru",
            "{\"a\":1,}",
            "{'a':1}",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":01}",
            "{\"a\":\"\\uZZZZ\"}",
            "{\"a\":\"\\ud800\"}",
            "{} trailing",
            "{}{}",
            "\uFEFF{}",
            "{\"a\":1}\u0000",
            "{\"a\" 1}",
            "{\"a\":\"unterminated}",
            "/* comment */ {}",
            "{\"a\":1, \"a\":2}",
            "");

    private Arbitrary<byte[]> bodyFor(Operation operation) {
        Arbitrary<String> text;
        if (operation.bodyProperties().isPresent()) {
            text = Arbitraries.frequencyOf(
                    Tuple.of(8, structured(operation.bodyProperties().get())),
                    Tuple.of(2, anyJson(3)),
                    Tuple.of(2, Arbitraries.of(MALFORMED_JSON)),
                    Tuple.of(1, deepNesting()),
                    Tuple.of(1, Arbitraries.strings().all().ofMaxLength(50)),
                    Tuple.of(1, Arbitraries.just((String) null)));
        } else {
            text = Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.just((String) null)),
                    Tuple.of(1, anyJson(2)),
                    Tuple.of(1, Arbitraries.of(MALFORMED_JSON)));
        }
        Arbitrary<byte[]> bytes = text.map(t -> t == null ? null : t.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                Tuple.of(20, bytes),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                new byte[] {(byte) 0xC3, (byte) 0x28},
                                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},
                                new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
                                new byte[] {0, 0, 0, 0})));
    }

    /** An object of the operation's own fields (each maybe missing), with values right, wrong or hostile. */
    private Arbitrary<String> structured(Map<String, JsonNode> properties) {
        List<Arbitrary<String>> fields = new ArrayList<>();
        properties.forEach((name, schema) -> fields.add(Arbitraries.frequencyOf(
                Tuple.of(3, valueFor(name, schema).map(v -> quote(name) + ":" + v)),
                Tuple.of(1, Arbitraries.just("")))));
        Arbitrary<String> extra = Combinators.combine(
                        Arbitraries.of("role", "active", "userId", "id", "cartId", "__proto__", "constructor", "price"),
                        anyJson(1))
                .as((k, v) -> quote(k) + ":" + v);
        Arbitrary<List<String>> own = fields.isEmpty()
                ? Arbitraries.just(List.of())
                : Combinators.combine(fields).as(List::copyOf);
        return Combinators.combine(own, extra.list().ofMaxSize(2)).as((mine, extras) -> {
            List<String> all = new ArrayList<>();
            mine.stream().filter(f -> !f.isEmpty()).forEach(all::add);
            all.addAll(extras);
            return "{" + String.join(",", all) + "}";
        });
    }

    private Arbitrary<String> valueFor(String name, JsonNode schema) {
        String type = schema.path("type").isArray()
                ? schema.path("type").get(0).asText()
                : schema.path("type").asText();
        String format = schema.path("format").asText();
        Arbitrary<String> right;
        if (name.toLowerCase(Locale.ROOT).contains("password")) {
            right = Arbitraries.oneOf(
                    Arbitraries.of(
                                    TestServer.PASSWORD,
                                    TestServer.ADMIN_PASSWORD,
                                    "short",
                                    "é".repeat(37),
                                    "x".repeat(72))
                            .map(ApiFuzzTest::quote),
                    Arbitraries.strings().all().ofMaxLength(80).map(ApiFuzzTest::quote));
        } else if (format.equals("email") || name.equals("email")) {
            right = Arbitraries.oneOf(
                    Arbitraries.of(
                                    TestServer.ADMIN_EMAIL,
                                    TestServer.ADMIN_EMAIL.toUpperCase(Locale.ROOT),
                                    " " + fixtures.customer().email() + " ",
                                    fixtures.victim().email(),
                                    "a@b",
                                    "@example.com",
                                    "a@@example.com",
                                    "ünïcødé@exämple.com",
                                    "x".repeat(64) + "@" + "e".repeat(250) + ".com")
                            .map(ApiFuzzTest::quote),
                    Arbitraries.strings()
                            .alpha()
                            .numeric()
                            .withChars("+.-_")
                            .ofMinLength(1)
                            .ofMaxLength(30)
                            .map(local -> quote(local + "@fuzz.example")),
                    Arbitraries.strings().all().ofMaxLength(40).map(ApiFuzzTest::quote));
        } else if (format.equals("uuid") || name.endsWith("Id")) {
            right = Arbitraries.frequencyOf(
                    Tuple.of(
                            4,
                            Arbitraries.of(
                                            fixtures.bookId(),
                                            fixtures.otherBookId(),
                                            fixtures.victim().id())
                                    .map(ApiFuzzTest::quote)),
                    Tuple.of(1, randomUuids().map(ApiFuzzTest::quote)),
                    Tuple.of(1, Arbitraries.of(MALFORMED_IDS).map(ApiFuzzTest::quote)));
        } else if (name.equals("refreshToken")) {
            right = Arbitraries.oneOf(
                    Arbitraries.of(
                                    fixtures.customer().refreshToken(),
                                    fixtures.victim().refreshToken(),
                                    "")
                            .map(ApiFuzzTest::quote),
                    printable(0, 100).map(ApiFuzzTest::quote));
        } else if (type.equals("integer") || type.equals("number")) {
            right = Arbitraries.oneOf(
                    Arbitraries.of(NUMBER_TEXTS),
                    Arbitraries.integers().between(-5, 50).map(String::valueOf));
        } else if (type.equals("boolean")) {
            right = Arbitraries.of("true", "false");
        } else if (type.equals("array")) {
            right = Arbitraries.oneOf(
                    Arbitraries.of("[]", "[\"fantasy\"]", "[\"no-such-category\"]", "[null]", "[1]", "[[]]", "{}")
                            .map(v -> v),
                    Arbitraries.strings()
                            .alpha()
                            .ofMaxLength(8)
                            .map(ApiFuzzTest::quote)
                            .list()
                            .ofMaxSize(300)
                            .map(items -> "[" + String.join(",", items) + "]"));
        } else {
            List<String> enumValues = new ArrayList<>();
            schema.path("enum").forEach(v -> enumValues.add(quote(v.asText())));
            enumValues.add(quote(""));
            right = Arbitraries.oneOf(
                    Arbitraries.of(enumValues),
                    Arbitraries.strings().all().ofMaxLength(60).map(ApiFuzzTest::quote),
                    Arbitraries.of(
                                    "x".repeat(300),
                                    "x".repeat(100_000),
                                    "<script>alert(1)</script>",
                                    "'; drop table products; --",
                                    "\u0000\u0001\u001f",
                                    "\u202e\u200b\ufeff",
                                    "🙂".repeat(100),
                                    "9780306406157",
                                    "0-306-40615-2",
                                    "ISBN 978-0-306-40615-7",
                                    "  ")
                            .map(ApiFuzzTest::quote));
        }
        return Arbitraries.frequencyOf(Tuple.of(4, right), Tuple.of(1, anyJson(2)));
    }

    /** Any JSON value, nested up to {@code depth}. */
    private static Arbitrary<String> anyJson(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "{}", "[]"),
                Arbitraries.of(NUMBER_TEXTS),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("N") && !d.contains("I")),
                Arbitraries.strings().all().ofMaxLength(30).map(ApiFuzzTest::quote));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> anyJson(depth - 1));
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(
                        Arbitraries.strings().all().ofMaxLength(8), inner)
                .as((k, v) -> quote(k) + ":" + v)
                .list()
                .ofMaxSize(4)
                .map(fields -> "{" + String.join(",", fields) + "}");
        return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }

    private static Arbitrary<String> deepNesting() {
        return Arbitraries.of(50, 999, 1001, 5_000, 100_000)
                .flatMap(depth -> Arbitraries.of(
                        "[".repeat(depth) + "]".repeat(depth),
                        "{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                        "{\"title\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
                        "[".repeat(depth)));
    }

    static String quote(String text) {
        return Http.json(text);
    }

    // ---- webhook deliveries ----

    private Arbitrary<byte[]> webhookBody() {
        Arbitrary<String> type = Arbitraries.of(
                "payment_intent.succeeded",
                "payment_intent.payment_failed",
                "payment_intent.canceled",
                "payment_intent.created",
                "charge.refunded",
                "",
                "payment_intent.");
        Arbitrary<String> intent =
                Arbitraries.oneOf(Arbitraries.just(fixtures.victimsIntent()), printable(0, 30), Arbitraries.just(""));
        Arbitrary<String> orderId = Arbitraries.oneOf(
                Arbitraries.of(fixtures.victimsOrder(), fixtures.customersOrder()),
                Arbitraries.of(MALFORMED_IDS),
                Arbitraries.just((String) null));
        Arbitrary<Long> amount = Arbitraries.oneOf(
                Arbitraries.of(1000L, 0L, -1000L, Long.MAX_VALUE, Long.MIN_VALUE), Arbitraries.longs());
        Arbitrary<String> currency = Arbitraries.of("eur", "EUR", "usd", "", "xxx", "ZZZ", "e\u00fcr");
        Arbitrary<String> event = Combinators.combine(type, intent, amount, currency, orderId)
                .as((t, i, a, c, o) -> StripeEventPayloads.paymentIntentEvent(
                        "evt_fuzz_" + Math.abs((long) (t + i + a + c + o).hashCode()), t, i, a, c, o));
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(5, event),
                Tuple.of(1, event.map(e -> e.replace("\"data\"", "\"dat\""))),
                Tuple.of(1, event.map(e -> e.replaceFirst("\"amount\": -?\\d+", "\"amount\": \"lots\""))),
                Tuple.of(1, event.map(e -> e.replace("\"object\": {", "\"object\": ["))),
                Tuple.of(2, anyJson(3)),
                Tuple.of(1, Arbitraries.of(MALFORMED_JSON)),
                Tuple.of(1, deepNesting()));
        return text.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    private static final List<String> GARBAGE_SIGNATURES =
            List.of("t=1,v1=abc", "v1", "t=yesterday,v1=00", ",,,", "t=,v1=", "=", "t=99999999999999999999,v1=0");

    /** 0: none; 1: garbage; 2: stale but valid; 3 and 4: valid now (signed over the exact bytes sent). */
    private static String webhookSignature(byte[] body, int choice) {
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return switch (choice) {
            case 0 -> null;
            case 1 -> GARBAGE_SIGNATURES.get(Math.floorMod(payload.hashCode(), GARBAGE_SIGNATURES.size()));
            case 2 ->
                StripeSignatures.sign(payload, WEBHOOK_SECRET, Instant.now().minusSeconds(3600));
            default -> StripeSignatures.sign(payload, WEBHOOK_SECRET, Instant.now());
        };
    }
}
