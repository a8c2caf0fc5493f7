package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import dev.orderflow.application.port.in.DeadLetterReplay;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Set;

/** Dead-letter replay on the broker: for the payments and shipping topics only. */
@Singleton
@Requires(property = KAFKA_SERVERS)
final class KafkaDeadLetterReplay implements DeadLetterReplay {

    private final DeadLetters deadLetters;
    private final Set<String> topics;

    KafkaDeadLetterReplay(DeadLetters deadLetters, MessagingSettings settings) {
        this.deadLetters = deadLetters;
        this.topics = Set.of(settings.paymentsTopic(), settings.shippingTopic());
    }

    @Override
    public Result replay(String topic) {
        if (!topics.contains(topic)) {
            return new Result.UnknownTopic(topic, topics);
        }
        return new Result.Replayed(topic, MessagingSettings.deadLetterTopic(topic), deadLetters.replay(topic));
    }
}
