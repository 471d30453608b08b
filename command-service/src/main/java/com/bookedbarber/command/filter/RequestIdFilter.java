package com.bookedbarber.command.filter;

import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/** Assigns the request id first, so every later filter, log line and error carries it (see LogContext). */
public final class RequestIdFilter extends MeasuredFilter {
    public RequestIdFilter(MetricRegistry metrics) {
        super(metrics, "request-id");
    }

    @Override
    protected void onRequest(ContainerRequestContext request) {
        LogContext.begin(request);
    }

    @Override
    protected void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestIds.HEADER, RequestIds.of(request));
        LogContext.end();
    }
}
