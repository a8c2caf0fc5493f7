package dev.orderflow.domain;

import java.util.regex.Pattern;

/**
 * Who asked for a change: the order's customer, a member of staff, or another system (a payment
 * provider, the shipping service, an API client).
 */
public sealed interface Actor {

    /** The actor's kind and name as one token, such as {@code "system:payments"}; {@link #parse} reads it back. */
    String token();

    /** Reads the form written by {@link #token()}. */
    static Actor parse(String token) {
        int colon = token.indexOf(':');
        if (colon < 0) {
            throw new InvalidValueException("actor", "must look like kind:name");
        }
        var name = token.substring(colon + 1);
        return switch (token.substring(0, colon)) {
            case "customer" -> new Customer(new CustomerId(name));
            case "staff" -> new Staff(name);
            case "system" -> new System(name);
            default -> throw new InvalidValueException("actor", "kind must be customer, staff or system");
        };
    }

    /** The customer who owns the order. */
    record Customer(CustomerId id) implements Actor {
        /** Refuses a missing id. */
        public Customer {
            java.util.Objects.requireNonNull(id, "id");
        }

        @Override
        public String token() {
            return "customer:" + id.value();
        }
    }

    /** A member of staff, by login name. */
    record Staff(String name) implements Actor {
        /** Accepts a name of 1 to 64 letters, digits and {@code . _ @ -}. */
        public Staff {
            name = Text.matching("actor", name, 64, Names.SHAPE, Names.EXPECTED);
        }

        @Override
        public String token() {
            return "staff:" + name;
        }
    }

    /** Another system acting on its own, such as {@code payments} or {@code rest-api}. */
    record System(String name) implements Actor {
        /** Accepts a name of 1 to 64 letters, digits and {@code . _ @ -}. */
        public System {
            name = Text.matching("actor", name, 64, Names.SHAPE, Names.EXPECTED);
        }

        @Override
        public String token() {
            return "system:" + name;
        }
    }
}

/** The shape of staff and system names. */
final class Names {
    static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");
    static final String EXPECTED = "1 to 64 letters, digits or . _ @ - starting with a letter or digit";

    private Names() {
    }
}
