package dev.orderflow.application.port.in;

/** The version a caller expects an order to have before a change, as with HTTP {@code If-Match}. */
public sealed interface ExpectedVersion {

    /** Any version: the change applies to whatever the order is now. */
    record Any() implements ExpectedVersion {
    }

    /** Exactly this version, or the change is refused with {@link CommandResult.VersionMismatch}. */
    record Exactly(long version) implements ExpectedVersion {
        /** Refuses versions below 1. */
        public Exactly {
            if (version < 1) {
                throw new IllegalArgumentException("versions start at 1: " + version);
            }
        }
    }

    /** Expect any version. */
    static ExpectedVersion any() {
        return new Any();
    }

    /** Expect exactly {@code version}. */
    static ExpectedVersion exactly(long version) {
        return new Exactly(version);
    }
}
