package com.bookedbarber.command.filter;

import com.bookedbarber.command.core.Ids;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Pattern;

/** The request id of the contract: an incoming {@code X-Request-Id} if well-formed, else a new one. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = "bookedbarber.request_id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The id of this request, assigned once and remembered on the request. */
    public static String of(ContainerRequestContext request) {
        Object known = request.getProperty(PROPERTY);
        if (known instanceof String id) {
            return id;
        }
        String id = fromHeader(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, id);
        return id;
    }

    /** The incoming header value when it is a valid request id, else a fresh id. */
    public static String fromHeader(String incoming) {
        return incoming != null && VALID.matcher(incoming).matches() ? incoming : Ids.newId().toString();
    }
}
