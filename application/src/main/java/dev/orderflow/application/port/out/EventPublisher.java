package dev.orderflow.application.port.out;

import java.util.List;
import java.util.Objects;

/**
 * Where outbox entries are published for other systems to read, such as a message broker. Delivery is at
 * least once: an entry may be published again after a failure, never silently dropped.
 */
public interface EventPublisher {

    /**
     * Publishes the entries in the given order and waits until the destination acknowledged or refused each
     * of them. Entries of one order reach readers in the order given.
     *
     * @throws PublisherUnavailableException if the destination cannot be reached at all; then no entry of
     *                                       the batch counts as published
     */
    Publication publish(List<OutboxEntry> entries);

    /** Which entries of a batch the destination acknowledged. */
    sealed interface Publication {

        /** The sequences of the acknowledged entries, in the order they were given. */
        List<Long> acknowledged();

        /** Every entry of the batch was acknowledged. */
        record Complete(List<Long> acknowledged) implements Publication {
            /** Copies the sequences. */
            public Complete {
                acknowledged = List.copyOf(acknowledged);
            }
        }

        /** Some entries, perhaps none, were acknowledged; the others failed for the reason given. */
        record Partial(List<Long> acknowledged, String failure) implements Publication {
            /** Copies the sequences and refuses a missing reason. */
            public Partial {
                acknowledged = List.copyOf(acknowledged);
                Objects.requireNonNull(failure, "failure");
            }
        }
    }

    /** The destination of published events cannot be reached; a later attempt may succeed. */
    final class PublisherUnavailableException extends RuntimeException {

        /** The destination is unreachable for the reason given. */
        public PublisherUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
