package com.bookedbarber.command.errors;

import com.bookedbarber.api.errors.ErrorBody;
import com.bookedbarber.command.filter.RequestIds;
import com.bookedbarber.command.filter.SecurityHeadersFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the contract's error body and carries the request id, also for unmatched routes. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static Response of(ContainerRequestContext request, int status, String code, String message, List<String> errors) {
        String requestId = RequestIds.of(request);
        Response response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(RequestIds.HEADER, requestId)
                .entity(new ErrorBody(status, code, message, requestId, errors == null || errors.isEmpty() ? null : errors))
                .build();
        SecurityHeadersFilter.apply(response.getHeaders());
        return response;
    }

    /** The machine code of a bare HTTP status. */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "validation_failed";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }
}
