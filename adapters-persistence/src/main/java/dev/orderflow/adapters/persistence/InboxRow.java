package dev.orderflow.adapters.persistence;

import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of the {@code inbox} table, keyed by (consumer, message id): a message a consumer has handled. */
@MappedEntity("inbox")
record InboxRow(String consumer, String messageId, Instant receivedAt, String outcome) {
}
