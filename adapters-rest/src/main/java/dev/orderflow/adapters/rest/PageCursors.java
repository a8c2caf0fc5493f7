package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.PageCursor;
import dev.orderflow.domain.OrderId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a listing position into an opaque cursor and back. A cursor is the position (placement time and
 * order id) and an HMAC-SHA256 over it and a digest of the listing's filter, base64url-encoded: a cursor
 * that was altered, made up, or issued for another filter does not verify.
 */
final class PageCursors {

    /** Longest cursor text worth decoding; real ones are 82 characters. */
    static final int MAX_LENGTH = 128;
    private static final byte FORMAT = 1;
    private static final int POSITION_BYTES = 1 + Long.BYTES + Integer.BYTES + 2 * Long.BYTES;
    private static final int MAC_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    PageCursors(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the cursor secret needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    String encode(PageCursor cursor, OrderFilter filter) {
        var position = ByteBuffer.allocate(POSITION_BYTES)
                .put(FORMAT)
                .putLong(cursor.placedAt().getEpochSecond())
                .putInt(cursor.placedAt().getNano())
                .putLong(cursor.orderId().value().getMostSignificantBits())
                .putLong(cursor.orderId().value().getLeastSignificantBits())
                .array();
        var token = ByteBuffer.allocate(POSITION_BYTES + MAC_BYTES).put(position).put(mac(position, filter)).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The position a cursor holds, or empty if it is not one this service issued for this filter. */
    Optional<PageCursor> decode(String text, OrderFilter filter) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (token.length != POSITION_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(token);
        var position = new byte[POSITION_BYTES];
        var mac = new byte[MAC_BYTES];
        buffer.get(position).get(mac);
        if (!MessageDigest.isEqual(mac, mac(position, filter))) {
            return Optional.empty();
        }
        var fields = ByteBuffer.wrap(position);
        if (fields.get() != FORMAT) {
            return Optional.empty();
        }
        try {
            var placedAt = Instant.ofEpochSecond(fields.getLong(), fields.getInt());
            return Optional.of(new PageCursor(placedAt, new OrderId(new UUID(fields.getLong(), fields.getLong()))));
        } catch (DateTimeException | ArithmeticException e) {
            // only reachable with a leaked secret: a signed but impossible instant
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] position, OrderFilter filter) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(position);
            return mac.doFinal(filterDigest(filter));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
    }

    private static byte[] filterDigest(OrderFilter filter) {
        var canonical = new StringBuilder();
        field(canonical, filter.status().map(Enum::name));
        field(canonical, filter.customerId().map(id -> id.value()));
        field(canonical, filter.placedFrom().map(Instant::toString));
        field(canonical, filter.placedBefore().map(Instant::toString));
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    // length-prefixed, and "-" for absent, so that no two different filters give the same text
    private static void field(StringBuilder canonical, Optional<String> value) {
        value.ifPresentOrElse(v -> canonical.append(v.length()).append(':').append(v).append(';'),
                () -> canonical.append("-;"));
    }
}
