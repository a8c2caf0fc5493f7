package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request that the storage could not serve (database down, refusing connections, or past its
 * statement or lock timeout) with 503 and {@code Retry-After}: the outage is expected to heal, and the request
 * was not at fault. One warning line per request, without a stack trace, since an outage produces many.
 */
@Produces
@Singleton
final class StorageUnavailableHandler implements ExceptionHandler<StorageUnavailableException, HttpResponse<Problem>> {

    /** What clients are told to wait before retrying; the pool's connection timeout is 1 s by default. */
    static final int RETRY_AFTER_SECONDS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, StorageUnavailableException exception) {
        LOG.warn("request {} {} answered 503, storage unavailable: {}", request.getMethodName(), request.getPath(),
                exception.getMessage());
        return Problems.unavailable(request, "the service cannot reach its storage right now",
                RETRY_AFTER_SECONDS);
    }
}
