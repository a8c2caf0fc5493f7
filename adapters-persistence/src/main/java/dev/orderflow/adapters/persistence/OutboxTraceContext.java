package dev.orderflow.adapters.persistence;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trace context stored with outbox entries in the {@code trace_context} column: the W3C trace context
 * headers of the span current when the entries were appended (the transaction of the request or message
 * that caused them), written by OpenTelemetry's propagator, as a JSON object. The relay's publisher continues
 * that trace.
 */
final class OutboxTraceContext {

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final Argument<Map<String, String>> HEADERS = Argument.mapOf(String.class, String.class);

    private final JsonMapper json;

    OutboxTraceContext(JsonMapper json) {
        this.json = json;
    }

    /** The current trace context as the column's JSON; {@code null} outside a trace. */
    String current() {
        var headers = new LinkedHashMap<String, String>();
        W3C.inject(Context.current(), headers, (carrier, name, value) -> carrier.put(name, value));
        if (headers.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(headers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace context " + headers, e);
        }
    }

    /** The trace context of a stored column value; empty when it has none. */
    Map<String, String> read(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, HEADERS);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored trace context " + stored, e);
        }
    }
}
