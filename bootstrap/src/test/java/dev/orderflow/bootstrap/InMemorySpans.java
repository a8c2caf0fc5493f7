package dev.orderflow.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Singleton;

/**
 * Every finished span into the SDK's in-memory exporter, for tests that set {@value #PROPERTY}: Micronaut's
 * OpenTelemetry factory adds a {@link SpanProcessor} bean to the SDK it builds.
 */
@Factory
@Requires(property = InMemorySpans.PROPERTY, value = "true")
final class InMemorySpans {

    static final String PROPERTY = "orderflow.test.in-memory-spans";

    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    @Singleton
    SpanProcessor processor(InMemorySpanExporter exporter) {
        return SimpleSpanProcessor.create(exporter);
    }
}
