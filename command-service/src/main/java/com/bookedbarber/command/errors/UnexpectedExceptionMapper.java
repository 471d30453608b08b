package com.bookedbarber.command.errors;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unforeseen: logged with its request id, answered without internals. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Inject
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(Throwable e) {
        Response response = ErrorResponses.of(request.get(), 500, "internal_error", "Something went wrong on our side", null);
        LOG.error("unhandled error in request {}", response.getHeaderString("X-Request-Id"), e);
        return response;
    }
}
