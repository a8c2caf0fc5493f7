package dev.orderflow.adapters.rest.api;

import java.net.URI;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The running application an API suite tests: where it listens, such as {@code http://127.0.0.1:41234},
 * and how many orders it has stored, counted in its storage rather than through the API.
 */
public record ApiTarget(Supplier<URI> baseUri, LongSupplier storedOrders) {
}
