package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The Kafka consumers of the upstream topics. Each record's offset is committed after {@link InboundProcessor}
 * returned, that is after its effect or its dead letter was committed. If even the dead-letter topic cannot
 * be written, the listener throws and the record is consumed again after a pause, never skipped.
 */
final class UpstreamListeners {

    private UpstreamListeners() {
    }

    @KafkaListener(groupId = "${orderflow.messaging.payments-group:orderflow-payments}",
            offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
            errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = "5s",
                    retryCount = Integer.MAX_VALUE, handleAllExceptions = true))
    @Requires(property = KAFKA_SERVERS)
    static final class Payments {
        private final InboundProcessor processor;

        Payments(InboundProcessor processor) {
            this.processor = processor;
        }

        @Topic("${orderflow.messaging.payments-topic:payments.v1}")
        void receive(ConsumerRecord<String, byte[]> record) throws InterruptedException {
            processor.process(Upstream.PAYMENTS, record);
        }
    }

    @KafkaListener(groupId = "${orderflow.messaging.shipping-group:orderflow-shipping}",
            offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
            errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = "5s",
                    retryCount = Integer.MAX_VALUE, handleAllExceptions = true))
    @Requires(property = KAFKA_SERVERS)
    static final class Shipping {
        private final InboundProcessor processor;

        Shipping(InboundProcessor processor) {
            this.processor = processor;
        }

        @Topic("${orderflow.messaging.shipping-topic:shipping.v1}")
        void receive(ConsumerRecord<String, byte[]> record) throws InterruptedException {
            processor.process(Upstream.SHIPPING, record);
        }
    }
}
