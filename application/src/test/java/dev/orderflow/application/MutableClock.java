package dev.orderflow.application;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock for tests that moves only when told. */
final class MutableClock implements InstantSource {

    private volatile Instant now;

    MutableClock(Instant start) {
        this.now = start;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
