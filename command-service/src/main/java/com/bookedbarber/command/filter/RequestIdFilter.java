package com.bookedbarber.command.filter;

import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.slf4j.MDC;

/** Assigns the request id first, so every later filter, log line and error carries it. */
public final class RequestIdFilter extends MeasuredFilter {
    private static final String MDC_KEY = "request_id";

    public RequestIdFilter(MetricRegistry metrics) {
        super(metrics, "request-id");
    }

    @Override
    protected void onRequest(ContainerRequestContext request) {
        MDC.put(MDC_KEY, RequestIds.of(request));
    }

    @Override
    protected void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestIds.HEADER, RequestIds.of(request));
        MDC.remove(MDC_KEY);
    }
}
