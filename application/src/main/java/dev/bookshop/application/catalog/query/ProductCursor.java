package dev.bookshop.application.catalog.query;

import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.common.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The opaque {@code cursor} of a catalogue page: base64url of the last book's keys, a fingerprint of the list it
 * belongs to (filters, order, search words) and a checksum. A cursor is only honoured for the list it came from: the
 * keys of one order mean nothing in another, so a cursor altered or sent with other filters is refused, never run.
 */
public final class ProductCursor {

    private static final byte VERSION = 1;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** Titles are at most a few hundred characters; a longer cursor cannot be one of ours. */
    static final int MAX_LENGTH = 2_000;

    private ProductCursor() {}

    /** What a cursor is tied to: the filters and order of a list, whatever its page. */
    public static long fingerprintOf(ProductQuery query) {
        return fingerprint("list\n" + query.withPage(PageRequest.first()));
    }

    /** What a search cursor is tied to: the words searched. */
    public static long fingerprintOfSearch(String text) {
        return fingerprint("search\n" + text);
    }

    public static String encode(ListingKey key, long fingerprint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(fingerprint);
            out.writeUTF(key.title());
            out.writeLong(key.priceCents());
            out.writeLong(key.createdAt().getEpochSecond());
            out.writeInt(key.createdAt().getNano());
            out.writeLong(key.id().getMostSignificantBits());
            out.writeLong(key.id().getLeastSignificantBits());
            out.writeFloat(key.rank());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        byte[] body = bytes.toByteArray();
        byte[] sealed = Arrays.copyOf(body, body.length + Integer.BYTES);
        ByteBuffer.wrap(sealed, body.length, Integer.BYTES).putInt(checksum(body, body.length));
        return ENCODER.encodeToString(sealed);
    }

    /** The keys in {@code cursor}, if it is a cursor of the list with this fingerprint; else a validation failure. */
    public static ListingKey decode(String cursor, long fingerprint) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        int bodyLength = sealed.length - Integer.BYTES;
        if (bodyLength < 1
                || ByteBuffer.wrap(sealed, bodyLength, Integer.BYTES).getInt() != checksum(sealed, bodyLength)) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(sealed, 0, bodyLength))) {
            if (in.readByte() != VERSION) {
                throw invalid();
            }
            if (in.readLong() != fingerprint) {
                throw ValidationException.of(
                        "cursor", "belongs to another list: send it with the filters, sort and q it came with");
            }
            String title = in.readUTF();
            long price = in.readLong();
            Instant created = Instant.ofEpochSecond(in.readLong(), in.readInt());
            UUID id = new UUID(in.readLong(), in.readLong());
            float rank = in.readFloat();
            if (in.available() != 0 || Float.isNaN(rank)) {
                throw invalid();
            }
            return new ListingKey(title, price, created, id, rank);
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof ValidationException refusal) {
                throw refusal;
            }
            throw invalid();
        }
    }

    private static ValidationException invalid() {
        return ValidationException.of("cursor", "is not a cursor this list answered; take nextCursor from a page");
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static long fingerprint(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
