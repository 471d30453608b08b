package com.bookedbarber.command.errors;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Jetty refusing the request while the resource reads its body: above all a body arriving slower
 * than the connector's {@code minRequestDataPerSecond} (408, slowloris-style clients), also a
 * malformed chunked encoding (400). The client's doing, answered with Jetty's status in the
 * contract's shape; nothing ran.
 */
public final class BadMessageExceptionMapper implements ExceptionMapper<BadMessageException> {
    @Inject
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(BadMessageException e) {
        int status = e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400;
        return status == 408
                ? ErrorResponses.of(request.get(), 408, "request_timeout", "The request body arrived too slowly", null)
                : ErrorResponses.of(request.get(), status, ErrorResponses.codeFor(status), "The request could not be read", null);
    }
}
