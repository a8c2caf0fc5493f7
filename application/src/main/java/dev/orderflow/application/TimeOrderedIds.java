package dev.orderflow.application;

import dev.orderflow.application.port.out.OrderIdSource;
import dev.orderflow.domain.OrderId;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Order ids as RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds then random bits, so that new ids
 * sort roughly by creation time and keep database indexes compact.
 */
public final class TimeOrderedIds implements OrderIdSource {

    private final InstantSource clock;
    private final RandomGenerator random;

    /** Ids from the given clock and a {@link SecureRandom}. */
    public TimeOrderedIds(InstantSource clock) {
        this(clock, new SecureRandom());
    }

    /** Ids from the given clock and random source (a seeded one makes ids repeatable in tests). */
    public TimeOrderedIds(InstantSource clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public OrderId next() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new OrderId(new UUID(high, low));
    }
}
