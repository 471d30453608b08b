package com.bookedbarber.command.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;

/**
 * Puts the client's address on the request for the rate limiter. Registered as a class (not an
 * instance) so that Jersey injects the servlet request. The address is the TCP peer: behind a
 * proxy, configure Jetty's forwarded-request customizer rather than trusting headers here.
 */
public final class ClientAddressFilter implements ContainerRequestFilter {
    /** Set here from the TCP peer, or beforehand by the batch dispatcher for the batch's own caller. */
    public static final String PROPERTY = "bookedbarber.client_address";

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(PROPERTY) == null) {
            request.setProperty(PROPERTY, servletRequest.getRemoteAddr());
        }
    }
}
