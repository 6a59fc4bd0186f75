package dev.bookshop.adapters.web.http;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * Answers a public read with an entity tag, and with 304 Not Modified when the client already holds that answer
 * ({@code If-None-Match}). The tag is a digest of the answer's own bytes, so it changes exactly when the answer does,
 * whatever changed underneath (a price, the stock, a book joining the page), and every instance computes the same tag
 * for the same answer. A 304 saves the transfer and the client's parsing, not the server's read.
 */
public final class ConditionalGet {

    public static final String ETAG = "ETag";
    public static final String IF_NONE_MATCH = "If-None-Match";

    private ConditionalGet() {}

    /** Sends {@code body} as JSON with its tag, or 304 with the tag alone when {@code If-None-Match} names it. */
    public static void json(Context ctx, Object body) {
        Objects.requireNonNull(body);
        byte[] bytes = ctx.jsonMapper().toJsonString(body, body.getClass()).getBytes(StandardCharsets.UTF_8);
        String tag = tagOf(bytes);
        ctx.header(ETAG, tag);
        if (ctx.res().getHeader("Cache-Control") == null) {
            // Anyone may keep it, but must ask again before using it: the catalogue changes at any moment.
            ctx.header("Cache-Control", "no-cache");
        }
        if (matches(ctx.header(IF_NONE_MATCH), tag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(bytes);
    }

    /** A strong tag: 128 bits of the SHA-256 of the bytes, base64url. */
    static String tagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16))
                    + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Whether an {@code If-None-Match} header names {@code tag}: {@code *}, or any listed tag equal to it under the weak
     * comparison that header uses (a {@code W/} prefix is ignored).
     */
    static boolean matches(String header, String tag) {
        if (header == null || header.isBlank()) {
            return false;
        }
        if (header.strip().equals("*")) {
            return true;
        }
        for (String listed : header.split(",")) {
            String candidate = listed.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
