package com.bookedbarber.command.errors;

import com.bookedbarber.command.core.DomainException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    @Inject
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(DomainException e) {
        int status = switch (e.kind()) {
            case MALFORMED -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case PAYLOAD_TOO_LARGE -> 413;
            case RULE_VIOLATION -> 422;
            case RATE_LIMITED -> 429;
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            case UNAVAILABLE -> 503;
        };
        Response response = ErrorResponses.of(request.get(), status, e.code(), e.getMessage(), e.fieldErrors());
        if (status == 401) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bookedbarber\"");
        }
        if (status == 503 || status == 429) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }
}
