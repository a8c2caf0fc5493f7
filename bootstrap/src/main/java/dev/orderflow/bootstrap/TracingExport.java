package dev.orderflow.bootstrap;

import io.micronaut.context.env.Environment;
import io.micronaut.tracing.opentelemetry.OpenTelemetryBuilderCustomizer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where spans go: over OTLP when an OTLP endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) and {@code OTEL_TRACES_EXPORTER} does not choose otherwise;
 * nowhere without either (Micronaut's default exporter is {@code none}). Every other {@code OTEL_*} variable
 * works as OpenTelemetry's SDK autoconfiguration documents it.
 */
@Singleton
final class TracingExport implements OpenTelemetryBuilderCustomizer {

    private static final Logger LOG = LoggerFactory.getLogger(TracingExport.class);
    static final String EXPORTER = "otel.traces.exporter";

    private final boolean exporterChosen;

    TracingExport(Environment environment) {
        this.exporterChosen = environment.containsProperty(EXPORTER);
    }

    @Override
    public void configure(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addPropertiesCustomizer(config -> {
            var endpoint = Stream.of("otel.exporter.otlp.traces.endpoint", "otel.exporter.otlp.endpoint")
                    .map(config::getString).filter(value -> value != null && !value.isBlank()).findFirst();
            if (exporterChosen || endpoint.isEmpty()) {
                return Map.of();
            }
            LOG.info("Exporting traces over OTLP to {}", endpoint.get());
            return Map.of(EXPORTER, "otlp");
        });
    }
}
