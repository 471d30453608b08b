package com.bookedbarber.platform.validation;

import io.dropwizard.jersey.validation.JerseyParameterNameProvider;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ParameterNameProvider;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Dropwizard's parameter names ({@code query param from}, {@code path param id}), computed
 * once per method. Hibernate Validator asks for them on every validated request, also when
 * nothing is wrong (it builds each parameter's path), and Dropwizard's provider answers by
 * reading the method's parameter annotations and generic types: the JDK parses both from the
 * class file on every call. A profile of booking under load put that at about 3% of the API's
 * CPU (ops/PERFORMANCE.md). The methods are the resources' own, so the map stays small.
 */
public final class CachedParameterNames implements ParameterNameProvider {
    private final ParameterNameProvider names;
    private final ConcurrentMap<Executable, List<String>> known = new ConcurrentHashMap<>();

    public CachedParameterNames(ParameterNameProvider names) {
        this.names = names;
    }

    /** Dropwizard's validator factory with its parameter names cached. */
    public static ValidatorFactory validatorFactory() {
        return Validators.newConfiguration()
                .parameterNameProvider(new CachedParameterNames(new JerseyParameterNameProvider()))
                .buildValidatorFactory();
    }

    @Override
    public List<String> getParameterNames(Constructor<?> constructor) {
        return known.computeIfAbsent(constructor, c -> List.copyOf(names.getParameterNames(constructor)));
    }

    @Override
    public List<String> getParameterNames(Method method) {
        return known.computeIfAbsent(method, m -> List.copyOf(names.getParameterNames(method)));
    }
}
