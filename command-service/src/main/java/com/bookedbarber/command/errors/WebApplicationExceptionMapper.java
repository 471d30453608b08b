package com.bookedbarber.command.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own errors (unknown route, 405, 415, bad parameter) in the contract's shape. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Inject
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "Only application/json responses are available";
            case 415 -> "Send the body as application/json";
            case 400 -> "The request is malformed";
            default -> e.getResponse().getStatusInfo().getReasonPhrase();
        };
        Response response = ErrorResponses.of(request.get(), status, ErrorResponses.codeFor(status), message, null);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                response.getHeaders().put(name, values);
            }
        });
        return response;
    }
}
