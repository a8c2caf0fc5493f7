package dev.orderflow.adapters.messaging;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The messaging adapter's settings, under {@code orderflow.messaging}. Kafka itself is configured under
 * {@code kafka} (from {@code KAFKA_BOOTSTRAP_SERVERS}); without it nothing here is active.
 *
 * @param ordersTopic          where order events are published
 * @param paymentsTopic        where the payment provider's events are read from
 * @param shippingTopic        where the shipping service's events are read from
 * @param source               the CloudEvents {@code ce_source} of published events
 * @param relayThreads         how many threads of this instance relay; on PostgreSQL one relay at a time, of
 *                             all instances, holds the outbox, and a second thread only stands by
 * @param relayBatchSize       how many outbox entries a relay thread takes at once
 * @param relayLease           how long a relay may hold a batch before the database ends its session and
 *                             hands the batch to another; longer than a send may take
 * @param relayPollInterval    how long the relay waits when the outbox is empty
 * @param relayMaxBackoff      the longest wait between attempts while the broker is unreachable
 * @param maxAttempts          how often an inbound message is tried before it goes to the dead-letter topic
 * @param retryInitialBackoff  the wait after the first failed attempt; it doubles with each further one
 * @param retryMaxBackoff      the longest wait between two attempts
 */
@ConfigurationProperties("orderflow.messaging")
record MessagingSettings(
        @Bindable(defaultValue = "orderflow.orders.v1") String ordersTopic,
        @Bindable(defaultValue = "payments.v1") String paymentsTopic,
        @Bindable(defaultValue = "shipping.v1") String shippingTopic,
        @Bindable(defaultValue = "/orderflow") String source,
        @Bindable(defaultValue = "1") int relayThreads,
        @Bindable(defaultValue = "2000") int relayBatchSize,
        @Bindable(defaultValue = "60s") Duration relayLease,
        @Bindable(defaultValue = "20ms") Duration relayPollInterval,
        @Bindable(defaultValue = "5s") Duration relayMaxBackoff,
        @Bindable(defaultValue = "5") int maxAttempts,
        @Bindable(defaultValue = "200ms") Duration retryInitialBackoff,
        @Bindable(defaultValue = "5s") Duration retryMaxBackoff) {

    /** The property whose presence switches the Kafka adapters on. */
    static final String KAFKA_SERVERS = "kafka.bootstrap.servers";

    /** The dead-letter topic of an inbound topic. */
    static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }

    /** The wait before attempt {@code attempt + 1}: doubling from {@code initial}, at most {@code max}. */
    static Duration backoff(Duration initial, Duration max, int attempt) {
        var wait = initial.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
