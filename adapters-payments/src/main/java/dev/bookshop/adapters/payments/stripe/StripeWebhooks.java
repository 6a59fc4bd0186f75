package dev.bookshop.adapters.payments.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.OrderId;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a Stripe webhook delivery into a {@link PaymentEvent}, after checking its {@code Stripe-Signature} against
 * the endpoint's signing secret. Nothing from an unverified delivery is ever read.
 */
public final class StripeWebhooks {

    /** Stripe's own default: a signature older than this is refused, which stops replays of captured deliveries. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(Webhook.DEFAULT_TOLERANCE);

    /** ISO 4217's "no currency": for events that carry no amount at all. */
    static final Currency NO_CURRENCY = Currency.getInstance("XXX");

    private static final String PROVIDER = "stripe";

    /** Stripe's events nest a few levels (event, data, object, metadata, charges...); far more is not an event. */
    static final int MAX_NESTING = 64;

    private final String secret;
    private final Duration tolerance;
    private final Clock clock;

    public StripeWebhooks(String secret) {
        this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /** With another tolerance or clock (tests sign deliveries "in the past" this way). */
    public StripeWebhooks(String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a Stripe webhook signing secret is required");
        }
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("the signature tolerance must be positive");
        }
        this.secret = secret;
        this.tolerance = tolerance;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies one delivery and reads it.
     *
     * @param payload the request body exactly as received (any re-encoding breaks the signature)
     * @param signatureHeader the {@code Stripe-Signature} header, or null when the request had none
     * @throws WebhookSignatureException when the delivery cannot be trusted or is not a Stripe event
     */
    public PaymentEvent verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new WebhookSignatureException("missing Stripe-Signature header");
        }
        if (payload == null) {
            throw new WebhookSignatureException("empty webhook payload");
        }
        if (!wellFormed(signatureHeader)) {
            throw new WebhookSignatureException("invalid Stripe-Signature: malformed header");
        }
        try {
            // Checked on its own and first: constructEvent does check before it parses, but only this order makes it
            // plain that a body nobody signed is never walked or parsed, whatever stripe-java does next release.
            Webhook.Signature.verifyHeader(payload, signatureHeader, secret, tolerance.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            // Stripe's messages here are fixed texts ("Timestamp outside the tolerance zone", ...), never the secret.
            throw new WebhookSignatureException("invalid Stripe-Signature: " + e.getMessage(), e);
        }
        if (!shallowJson(payload)) {
            throw new WebhookSignatureException("webhook payload is not a Stripe event");
        }
        Event event;
        try {
            // The signature is verified above; constructEvent would check it a second time.
            event = Webhook.constructEventWithoutVerification(payload);
        } catch (RuntimeException e) {
            // Even signed, the text may be no event: Gson and stripe-java's reading then throw whatever they throw
            // (a parse error, a NumberFormatException for a bad unicode escape, a NullPointerException for an empty
            // body or a JSON null), and that is a refusal, not a 500.
            throw new WebhookSignatureException("webhook payload is not a Stripe event", e);
        }
        if (event == null || event.getId() == null || event.getType() == null) {
            throw new WebhookSignatureException("webhook payload is not a Stripe event");
        }
        PaymentEvent.Type type = type(event.getType());
        if (!event.getType().startsWith("payment_intent.")) {
            return new PaymentEvent(PROVIDER, event.getId(), type, "", Optional.empty(), Money.ZERO, NO_CURRENCY);
        }
        Intent intent = intent(event);
        long cents = type == PaymentEvent.Type.SUCCEEDED ? intent.amountReceived() : intent.amount();
        return new PaymentEvent(
                PROVIDER,
                event.getId(),
                type,
                intent.id(),
                intent.orderId(),
                Money.ofCents(Math.max(0, cents)),
                intent.currency());
    }

    /**
     * Whether every item of the header is {@code key=value} and the timestamp, if any, is a number. stripe-java reads
     * the header with {@code Long.parseLong} and {@code split("=")[1]}, so a header such as {@code t=yesterday} or
     * {@code v1} would escape it as a runtime exception (a 500) instead of a refusal.
     */
    static boolean wellFormed(String signatureHeader) {
        for (String item : signatureHeader.split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                return false;
            }
            if (item.substring(0, eq).equals("t") && !item.substring(eq + 1).matches("[0-9]{1,18}")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the payload is JSON nested no deeper than {@link #MAX_NESTING}. Runs only on signed payloads, but a signed
     * body is still only as sane as whoever holds the secret, and Gson's tree reading recurses once per level: a body
     * of a few hundred thousand brackets would overflow the stack (an Error no handler turns into an answer). Gson's
     * streaming reader keeps its own stack, so this walk cannot overflow.
     */
    static boolean shallowJson(String payload) {
        try (JsonReader reader = new JsonReader(new StringReader(payload))) {
            int depth = 0;
            while (true) {
                switch (reader.peek()) {
                    case BEGIN_ARRAY -> {
                        reader.beginArray();
                        depth++;
                    }
                    case BEGIN_OBJECT -> {
                        reader.beginObject();
                        depth++;
                    }
                    case END_ARRAY -> {
                        reader.endArray();
                        depth--;
                    }
                    case END_OBJECT -> {
                        reader.endObject();
                        depth--;
                    }
                    case NAME -> reader.nextName();
                    case END_DOCUMENT -> {
                        return true;
                    }
                    default -> reader.skipValue();
                }
                if (depth > MAX_NESTING) {
                    return false;
                }
            }
        } catch (IOException | RuntimeException malformed) {
            // Not JSON at all: refused without reading it into a tree.
            return false;
        }
    }

    static PaymentEvent.Type type(String stripeType) {
        return switch (stripeType) {
            case "payment_intent.succeeded" -> PaymentEvent.Type.SUCCEEDED;
            case "payment_intent.payment_failed" -> PaymentEvent.Type.FAILED;
            case "payment_intent.canceled" -> PaymentEvent.Type.CANCELED;
            default -> PaymentEvent.Type.OTHER;
        };
    }

    /** The parts of a PaymentIntent the use cases need, however the event's data had to be read. */
    private record Intent(String id, long amount, long amountReceived, Currency currency, Optional<OrderId> orderId) {

        static final Intent NONE = new Intent("", 0, 0, NO_CURRENCY, Optional.empty());
    }

    /**
     * Reads the intent typed when the event was written in stripe-java's own API version, and from the raw JSON
     * otherwise: {@code getObject()} is empty whenever the account's webhook endpoint sends another API version, and
     * the few fields read here have kept their names across versions.
     */
    private static Intent intent(Event event) {
        EventDataObjectDeserializer data;
        try {
            data = event.getDataObjectDeserializer();
        } catch (RuntimeException e) {
            return Intent.NONE;
        }
        if (data == null) {
            return Intent.NONE;
        }
        Optional<StripeObject> typed = data.getObject();
        if (typed.isPresent() && typed.get() instanceof PaymentIntent intent) {
            return fromTyped(intent);
        }
        return fromRawJson(data.getRawJson());
    }

    private static Intent fromTyped(PaymentIntent intent) {
        return new Intent(
                Objects.requireNonNullElse(intent.getId(), ""),
                Objects.requireNonNullElse(intent.getAmount(), 0L),
                Objects.requireNonNullElse(intent.getAmountReceived(), 0L),
                currency(intent.getCurrency()),
                orderId(
                        intent.getMetadata() == null
                                ? null
                                : intent.getMetadata().get("orderId")));
    }

    private static Intent fromRawJson(String rawJson) {
        if (rawJson == null) {
            return Intent.NONE;
        }
        JsonObject object;
        try {
            JsonElement parsed = JsonParser.parseString(rawJson);
            if (!parsed.isJsonObject()) {
                return Intent.NONE;
            }
            object = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            return Intent.NONE;
        }
        String orderId = null;
        if (object.get("metadata") instanceof JsonObject metadata) {
            orderId = string(metadata, "orderId");
        }
        return new Intent(
                Objects.requireNonNullElse(string(object, "id"), ""),
                number(object, "amount"),
                number(object, "amount_received"),
                currency(string(object, "currency")),
                orderId(orderId));
    }

    private static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null
                || !value.isJsonPrimitive()
                || !value.getAsJsonPrimitive().isString()) {
            return null;
        }
        return value.getAsString();
    }

    private static long number(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null
                || !value.isJsonPrimitive()
                || !value.getAsJsonPrimitive().isNumber()) {
            return 0;
        }
        try {
            return value.getAsLong();
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Currency currency(String stripeCurrency) {
        if (stripeCurrency == null) {
            return NO_CURRENCY;
        }
        try {
            return Currency.getInstance(stripeCurrency.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // Unknown to this JDK: the use case then sees a currency that matches no order and changes nothing.
            return NO_CURRENCY;
        }
    }

    /** Our own metadata, but only as trustworthy as whoever created the intent: anything not a UUID is ignored. */
    private static Optional<OrderId> orderId(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String candidate = raw.strip().toLowerCase(Locale.ROOT);
        try {
            UUID uuid = UUID.fromString(candidate);
            // fromString also takes shortened forms such as "1-2-3-4-5"; only the canonical spelling is ours.
            return uuid.toString().equals(candidate) ? Optional.of(new OrderId(uuid)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "StripeWebhooks[tolerance=" + tolerance + "]";
    }
}
