package com.bookedbarber.command.filter;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.concurrent.TimeUnit;

/**
 * A filter that records its own cost in {@code filters.<name>} (each request and response
 * phase it runs is one sample), so the chain's price per route is visible on /metrics.
 */
public abstract class MeasuredFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private final Timer timer;

    protected MeasuredFilter(MetricRegistry metrics, String name) {
        this.timer = metrics.timer(MetricRegistry.name("filters", name));
    }

    @Override
    public final void filter(ContainerRequestContext request) {
        long start = System.nanoTime();
        try {
            onRequest(request);
        } finally {
            timer.update(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public final void filter(ContainerRequestContext request, ContainerResponseContext response) {
        long start = System.nanoTime();
        try {
            onResponse(request, response);
        } finally {
            timer.update(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    protected void onRequest(ContainerRequestContext request) {
    }

    protected void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
    }
}
