package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at startup that, without Kafka, events are recorded in the outbox but not published. */
@Singleton
@Requires(missingProperty = KAFKA_SERVERS)
final class EventsNotPublishedNotice implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(EventsNotPublishedNotice.class);

    @Override
    public void onApplicationEvent(StartupEvent event) {
        LOG.warn("KAFKA_BOOTSTRAP_SERVERS is not set: order events are recorded in the outbox but NOT published, "
                + "and payment and shipping events are not consumed");
    }
}
