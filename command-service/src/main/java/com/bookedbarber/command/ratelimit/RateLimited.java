package com.bookedbarber.command.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The rate-limit group of a resource (class or method); limits per group come from YAML. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {
    /** auth, payments, appointments, analytics or public. */
    String value();
}
