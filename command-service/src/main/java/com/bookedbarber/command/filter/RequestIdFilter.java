package com.bookedbarber.command.filter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.slf4j.MDC;

/** Assigns the request id first, so every later filter, log line and error carries it. */
@Priority(Priorities.AUTHENTICATION - 500)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String MDC_KEY = "request_id";

    @Override
    public void filter(ContainerRequestContext request) {
        MDC.put(MDC_KEY, RequestIds.of(request));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestIds.HEADER, RequestIds.of(request));
        MDC.remove(MDC_KEY);
    }
}
