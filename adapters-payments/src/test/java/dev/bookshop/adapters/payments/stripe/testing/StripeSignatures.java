package dev.bookshop.adapters.payments.stripe.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook payloads the way Stripe does, written from Stripe's description rather than with stripe-java, so a
 * test proves the adapter accepts what Stripe really sends: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<payload>" keyed with the endpoint secret>}.
 */
public final class StripeSignatures {

    private StripeSignatures() {}

    /** The {@code Stripe-Signature} header value for this payload, secret and Unix time in seconds. */
    public static String sign(String payload, String secret, long timestamp) {
        return "t=" + timestamp + ",v1=" + hmacSha256Hex(secret, timestamp + "." + payload);
    }

    public static String sign(String payload, String secret, Instant at) {
        return sign(payload, secret, at.getEpochSecond());
    }

    /** Signed now. */
    public static String sign(String payload, String secret) {
        return sign(payload, secret, Instant.now());
    }

    static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK ships HmacSHA256", e);
        }
    }
}
