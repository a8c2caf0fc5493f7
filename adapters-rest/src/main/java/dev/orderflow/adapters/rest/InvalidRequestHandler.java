package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers input the domain refused with a validation problem listing each refused value. */
@Produces
@Singleton
@Requires(classes = {InvalidRequest.class, ExceptionHandler.class})
final class InvalidRequestHandler implements ExceptionHandler<InvalidRequest, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidRequest exception) {
        return Problems.validation(request, exception.errors());
    }
}
