package dev.orderflow.application.port.in;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The reply the first request under an idempotency key got, encoded by the adapter that answered it, so
 * that a retry gets the same answer. The application stores these bytes and hands them back unread: what
 * they mean (for HTTP: status, headers and body) is the adapter's business.
 */
public record StoredReply(byte[] bytes) {

    /** Copies the bytes. */
    public StoredReply {
        bytes = bytes.clone();
    }

    /** A copy of the encoded reply. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredReply reply && Arrays.equals(bytes, reply.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        var head = HexFormat.of().formatHex(bytes, 0, Math.min(16, bytes.length));
        return "StoredReply[" + bytes.length + " bytes: " + head + (bytes.length > 16 ? "…]" : "]");
    }
}
