package dev.orderflow.adapters.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a request refused for overload ({@link Backpressure}) with 503 and {@code Retry-After}, without logging. */
@Produces
@Singleton
final class OverloadedHandler implements ExceptionHandler<Backpressure.Overloaded, HttpResponse<Problem>> {

    static final int RETRY_AFTER_SECONDS = 1;

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Backpressure.Overloaded exception) {
        return Problems.unavailable(request, "the service is at capacity; retry in " + RETRY_AFTER_SECONDS + " s",
                RETRY_AFTER_SECONDS);
    }
}
