package com.bookedbarber.command.filter;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Binds filters to resource methods one by one instead of one global stack: each API method
 * gets exactly the filters it needs, and {@link Unfiltered} methods get none.
 */
public final class ApiFilterFeature implements DynamicFeature {
    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(Unfiltered.class)
                || resource.getResourceClass().isAnnotationPresent(Unfiltered.class)) {
            return;
        }
        context.register(RequestIdFilter.class);
    }
}
