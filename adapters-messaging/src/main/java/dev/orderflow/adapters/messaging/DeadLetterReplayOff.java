package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import dev.orderflow.application.port.in.DeadLetterReplay;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Without a broker there is nothing to replay: every replay is {@link Result.Unavailable}. */
@Singleton
@Requires(missingProperty = KAFKA_SERVERS)
final class DeadLetterReplayOff implements DeadLetterReplay {

    @Override
    public Result replay(String topic) {
        return new Result.Unavailable("no broker is configured (KAFKA_BOOTSTRAP_SERVERS), so there are no dead "
                + "letters to replay");
    }
}
