package dev.orderflow.application.port.in;

import java.util.Objects;

/** What became of a placement made under an idempotency key. */
public sealed interface IdempotentResult {

    /** The key was new: the request was carried out and its response stored under the key. */
    record Executed(CommandResult result, StoredReply response) implements IdempotentResult {
        /** Refuses missing parts. */
        public Executed {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(response, "response");
        }
    }

    /** The same request was carried out before: here is the response it got. Nothing changed now. */
    record Replayed(StoredReply response) implements IdempotentResult {
        /** Refuses a missing response. */
        public Replayed {
            Objects.requireNonNull(response, "response");
        }
    }

    /** The first request with this key is still being carried out. */
    record InFlight() implements IdempotentResult {
    }

    /** The key was used before for a different request. */
    record KeyReused() implements IdempotentResult {
    }
}
