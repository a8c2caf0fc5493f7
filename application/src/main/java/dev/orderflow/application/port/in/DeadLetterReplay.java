package dev.orderflow.application.port.in;

import java.util.Objects;
import java.util.Set;

/**
 * Operators' use case for upstream events that could not be handled: once the cause is fixed, send the dead
 * letters of an upstream topic back to it so that they are handled again.
 */
public interface DeadLetterReplay {

    /** Replays the dead letters of {@code topic} that were not replayed before. */
    Result replay(String topic);

    /** How a replay went. */
    sealed interface Result {

        /** {@code count} dead letters went from {@code deadLetterTopic} back to {@code topic}. */
        record Replayed(String topic, String deadLetterTopic, int count) implements Result {
            /** Refuses missing names and a negative count. */
            public Replayed {
                Objects.requireNonNull(topic, "topic");
                Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
                if (count < 0) {
                    throw new IllegalArgumentException("count must not be negative");
                }
            }
        }

        /** Dead letters are kept for the {@code upstreamTopics} only. */
        record UnknownTopic(String topic, Set<String> upstreamTopics) implements Result {
            /** Copies the topics. */
            public UnknownTopic {
                Objects.requireNonNull(topic, "topic");
                upstreamTopics = Set.copyOf(upstreamTopics);
            }
        }

        /** No broker is configured, so there are no dead letters to replay; {@code reason} says what to do. */
        record Unavailable(String reason) implements Result {
            /** Refuses a missing reason. */
            public Unavailable {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
