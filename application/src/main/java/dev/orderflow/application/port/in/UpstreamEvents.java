package dev.orderflow.application.port.in;

import dev.orderflow.domain.Order;
import java.util.Objects;

/**
 * Handles events of neighbouring systems, each at most once per consumer: a message delivered again has
 * no second effect.
 */
public interface UpstreamEvents {

    /**
     * Applies the event to its order through the same use cases the API uses, and records the message as
     * handled by {@code consumer} in the same transaction. A command the order's rules refuse is recorded
     * as handled too, with the reason: sending it again would not change the answer.
     *
     * @param consumer  who handles the message, such as {@code payments}; also the actor of the change
     * @param messageId the message's id, unique per sender
     * @throws RuntimeException if storage failed or other writers kept changing the order; nothing was
     *                          recorded, and handling the message again later may succeed
     */
    Handling handle(String consumer, String messageId, UpstreamEvent event);

    /** What became of a message. */
    sealed interface Handling {

        /** The event changed the order, which is now as given. */
        record Applied(Order order) implements Handling {
            /** Refuses a missing order. */
            public Applied {
                Objects.requireNonNull(order, "order");
            }
        }

        /** The consumer handled this message before; nothing changed. */
        record Duplicate() implements Handling {
        }

        /** The order does not exist or its rules refused the change, for the reason given; nothing changed. */
        record Refused(String reason) implements Handling {
            /** Refuses a missing reason. */
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
