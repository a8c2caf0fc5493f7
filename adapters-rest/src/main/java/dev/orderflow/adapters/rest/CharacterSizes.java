package dev.orderflow.adapters.rest;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.DefaultConstraintValidators;
import io.micronaut.validation.validator.constraints.SizeValidator;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Optional;

/**
 * {@code @Size} on text counts characters (Unicode code points), as {@code maxLength} in the published API's schema
 * and the domain's value types do. Micronaut's own validator counts UTF-16 units, so a recipient of 150 emoji (300
 * units) was refused although the schema and the domain accept it. Every other constraint is Micronaut's.
 */
@Singleton
@Replaces(DefaultConstraintValidators.class)
final class CharacterSizes extends DefaultConstraintValidators {

    private static final SizeValidator<CharSequence> IN_CHARACTERS =
            text -> Character.codePointCount(text, 0, text.length());

    CharacterSizes(@Nullable BeanContext beanContext) {
        super(beanContext);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends Annotation, T> Optional<ConstraintValidator<A, T>> findConstraintValidator(
            Class<A> constraintType, Class<T> targetType) {
        if (constraintType == Size.class && CharSequence.class.isAssignableFrom(targetType)) {
            return Optional.of((ConstraintValidator<A, T>) (ConstraintValidator<?, ?>) IN_CHARACTERS);
        }
        return super.findConstraintValidator(constraintType, targetType);
    }
}
