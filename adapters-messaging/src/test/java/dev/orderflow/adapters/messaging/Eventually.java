package dev.orderflow.adapters.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for what happens on other threads: the relay, the consumers, the broker. */
final class Eventually {

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails the test if it does not within {@code patience}. */
    static void await(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
