package dev.orderflow.application.port.out;

import java.time.Instant;

/**
 * The messages each consumer has handled, so that a message delivered again has no second effect. A
 * consumer records a message in the same transaction as its effect.
 */
public interface Inbox {

    /**
     * Records that {@code consumer} handles the message with this id now, in the caller's transaction.
     * Returns {@link Receipt#DUPLICATE}, recording nothing, if the consumer recorded it before.
     */
    Receipt receive(String consumer, String messageId, Instant at);

    /** Notes what handling the message led to (for example "accepted" or the rejection), for operators. */
    void recordOutcome(String consumer, String messageId, String outcome);

    /** Deletes what was received before {@code before}. Returns how many. */
    int deleteReceivedBefore(Instant before);

    /** Whether a message is new to a consumer. */
    enum Receipt {
        /** First delivery: go ahead. */
        NEW,
        /** Handled before: skip it. */
        DUPLICATE
    }
}
