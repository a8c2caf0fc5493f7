package dev.orderflow.domain;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link OrderLifecycle#decide}: the events a command causes, or why it was refused. */
public sealed interface Decision {

    /** The command is accepted; applying {@code events} in order gives the new state. Never empty. */
    record Accepted(List<OrderEvent> events) implements Decision {
        /** Refuses an empty list and copies it. */
        public Accepted {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("an accepted command causes at least one event");
            }
        }
    }

    /** The command is refused; nothing changes. */
    record Rejected(Rejection rejection) implements Decision {
        /** Refuses a missing rejection. */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
