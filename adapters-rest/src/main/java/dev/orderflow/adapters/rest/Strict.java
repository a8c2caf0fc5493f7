package dev.orderflow.adapters.rest;

import io.micronaut.serde.annotation.Serdeable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a request string member that must be a JSON string: see {@link StrictJson}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Serdeable.Deserializable(using = StrictJson.Text.class)
@interface Strict {
}
