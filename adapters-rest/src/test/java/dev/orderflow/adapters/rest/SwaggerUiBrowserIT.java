package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Loads Swagger UI in headless Chromium and checks that the orders operations are on the rendered page.
 * Not part of a normal build (no browser there): scripts/check-swagger-ui.sh runs it with
 * {@code -Dorderflow.chromium=/usr/bin/chromium}, optionally {@code -Dorderflow.api.url=} of a running
 * application instead of the embedded server, and {@code -Dorderflow.screenshot=} for a PNG.
 */
@MicronautTest
@EnabledIfSystemProperty(named = "orderflow.chromium", matches = ".+")
class SwaggerUiBrowserIT {

    @Inject
    EmbeddedServer server;

    @Test
    void swagger_ui_renders_every_orders_operation() throws Exception {
        var base = System.getProperty("orderflow.api.url", server.getURI().toString()).replaceAll("/$", "");
        var page = base + "/swagger-ui/index.html";
        var dom = chromium("--dump-dom", page);
        for (var operation : List.of("/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/orders/{id}/events",
                "/api/v1/orders/{id}/confirm", "/api/v1/orders/{id}/ship", "/api/v1/orders/{id}/deliver",
                "/api/v1/orders/{id}/cancel", "Place an order")) {
            assertTrue(dom.contains(operation), () -> operation + " is not on the page:\n" + dom);
        }
        assertTrue(dom.contains("opblock"), "operations were not rendered");
        var screenshot = System.getProperty("orderflow.screenshot");
        if (screenshot != null) {
            chromium("--screenshot=" + Path.of(screenshot).toAbsolutePath(), "--window-size=1280,1400", page);
            assertTrue(Files.size(Path.of(screenshot)) > 10_000, "screenshot is empty");
        }
    }

    private static String chromium(String... arguments) throws IOException, InterruptedException {
        var profile = Files.createTempDirectory("orderflow-chromium");
        var command = new ArrayList<>(List.of(System.getProperty("orderflow.chromium"), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
        command.addAll(List.of(arguments));
        var output = Files.createTempFile("orderflow-chromium", ".out");
        var process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, process.exitValue(), "chromium failed");
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
