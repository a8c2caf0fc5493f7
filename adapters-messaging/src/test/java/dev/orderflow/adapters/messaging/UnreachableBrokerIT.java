package dev.orderflow.adapters.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The admin client that Micronaut Kafka's consumer processor holds, with a broker that cannot be reached: it backs
 * off like the other clients. With Kafka's default metadata recovery it re-bootstrapped 500-5 000 times a second,
 * an INFO line each.
 */
class UnreachableBrokerIT {

    @Test
    void the_admin_client_does_not_spin_while_the_broker_cannot_be_reached() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var logger = (Logger) LoggerFactory.getLogger("org.apache.kafka.clients.admin.internals.AdminMetadataManager");
        var previous = logger.getLevel();
        var lines = new ListAppender<ILoggingEvent>();
        lines.start();
        logger.setLevel(Level.INFO);
        logger.addAppender(lines);
        try (var context = ApplicationContext.run(Map.of("kafka.bootstrap.servers", "127.0.0.1:" + closedPort))) {
            context.getBean(AdminClient.class);
            Thread.sleep(2_000);
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(previous);
        }
        long rebootstraps = lines.list.stream().filter(e -> e.getFormattedMessage().contains("Rebootstrapping")).count();
        assertTrue(rebootstraps < 10, rebootstraps + " re-bootstraps in 2 s");
    }
}
