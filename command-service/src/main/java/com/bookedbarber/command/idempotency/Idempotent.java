package com.bookedbarber.command.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A create endpoint that honours {@code Idempotency-Key}; {@code required} for payments and refunds. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {
    boolean required() default false;
}
