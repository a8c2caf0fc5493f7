package dev.orderflow.testkit;

import dev.orderflow.application.port.out.OrderIdSource;
import dev.orderflow.domain.OrderId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Order ids 1, 2, 3, … in the shape of version 7 UUIDs, so that a test knows each id before it is handed out:
 * the n-th is {@link #nth(long) nth(n)}. Safe to share between threads.
 */
public final class SequentialOrderIds implements OrderIdSource {

    private final AtomicLong last = new AtomicLong();

    /** The id this source hands out n-th, counting from 1. */
    public static OrderId nth(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("ids count from 1");
        }
        return new OrderId(new UUID(0x7000L, 0x8000_0000_0000_0000L | n));
    }

    @Override
    public OrderId next() {
        return nth(last.incrementAndGet());
    }
}
