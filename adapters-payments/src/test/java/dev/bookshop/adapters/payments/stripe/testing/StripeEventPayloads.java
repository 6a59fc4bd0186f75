package dev.bookshop.adapters.payments.stripe.testing;

/**
 * Webhook bodies shaped like Stripe's: an {@code event} object whose {@code data.object} is the PaymentIntent. Built
 * as text so a test controls every byte that gets signed.
 */
public final class StripeEventPayloads {

    /** An API version older than stripe-java's own, as an account pinned to an old version would send. */
    public static final String OLD_API_VERSION = "2020-08-27";

    private StripeEventPayloads() {}

    /**
     * A {@code payment_intent.*} event.
     *
     * @param type e.g. {@code payment_intent.succeeded}
     * @param orderId the {@code metadata.orderId} value, or null for an intent without it
     */
    public static String paymentIntentEvent(
            String eventId, String type, String intentId, long amount, String currency, String orderId) {
        return paymentIntentEvent(eventId, type, intentId, amount, currency, orderId, OLD_API_VERSION);
    }

    public static String paymentIntentEvent(
            String eventId,
            String type,
            String intentId,
            long amount,
            String currency,
            String orderId,
            String apiVersion) {
        boolean succeeded = type.equals("payment_intent.succeeded");
        String status = switch (type) {
            case "payment_intent.succeeded" -> "succeeded";
            case "payment_intent.canceled" -> "canceled";
            default -> "requires_payment_method";
        };
        String metadata = orderId == null ? "{}" : "{\"orderId\": \"" + orderId + "\"}";
        String intent = "{\"id\": \"" + intentId + "\", \"object\": \"payment_intent\", \"amount\": " + amount
                + ", \"amount_received\": " + (succeeded ? amount : 0) + ", \"currency\": \"" + currency
                + "\", \"status\": \"" + status + "\", \"client_secret\": \"" + intentId + "_secret_test\", "
                + "\"livemode\": false, \"metadata\": " + metadata + "}";
        return event(eventId, type, intent, apiVersion);
    }

    /** An event of a type the shop does not act on, about some other kind of object. */
    public static String otherEvent(String eventId, String type) {
        String customer = "{\"id\": \"cus_test\", \"object\": \"customer\", \"email\": \"ann@example.com\"}";
        return event(eventId, type, customer, OLD_API_VERSION);
    }

    private static String event(String eventId, String type, String object, String apiVersion) {
        return "{\n  \"id\": \"" + eventId + "\",\n  \"object\": \"event\",\n  \"api_version\": \"" + apiVersion
                + "\",\n  \"created\": 1767225600,\n  \"livemode\": false,\n  \"pending_webhooks\": 1,\n"
                + "  \"type\": \"" + type + "\",\n  \"data\": {\"object\": " + object + "}\n}";
    }
}
