package dev.orderflow.adapters.rest;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Deserializers that take a JSON value only if it has the declared JSON type. Micronaut Serialization
 * otherwise coerces: {@code 1.5} or {@code true} becomes the quantity 1, {@code ["a"]} or {@code 7} a string.
 * A request with a wrong type is refused with a malformed-body problem instead of being quietly reinterpreted.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** A JSON string, nothing else. */
    @Singleton
    static final class Text implements Deserializer<String> {
        @Override
        public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
                throws IOException {
            var node = decoder.decodeNode();
            if (!node.isString()) {
                throw decoder.createDeserializationException("expected a JSON string", null);
            }
            return node.getStringValue();
        }
    }

    /** A JSON integer that fits in an int, nothing else (no fractions, exponents, strings or booleans). */
    @Singleton
    static final class WholeNumber implements Deserializer<Integer> {
        @Override
        public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
                throws IOException {
            var node = decoder.decodeNode();
            if (node.isNumber()) {
                var number = node.getNumberValue();
                if (number instanceof Integer value) {
                    return value;
                }
                if ((number instanceof Long || number instanceof BigInteger)
                        && new BigInteger(number.toString()).bitLength() < Integer.SIZE) {
                    return number.intValue();
                }
            }
            throw decoder.createDeserializationException("expected a JSON integer", null);
        }
    }
}
