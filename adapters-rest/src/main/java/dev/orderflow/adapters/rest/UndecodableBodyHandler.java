package dev.orderflow.adapters.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;

/**
 * Answers a body that is not in the content coding its {@code Content-Encoding} names (plain JSON declared
 * {@code gzip}, say), which the server finds while it decompresses the body, with {@code malformed-body}: the
 * client's mistake, not an internal error.
 */
@Produces
@Singleton
final class UndecodableBodyHandler implements ExceptionHandler<DecompressionException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DecompressionException exception) {
        return Problems.of(request, ProblemKind.MALFORMED_BODY,
                "the body is not in the content coding its Content-Encoding header names");
    }
}
