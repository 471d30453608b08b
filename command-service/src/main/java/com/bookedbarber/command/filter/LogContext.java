package com.bookedbarber.command.filter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * What every log line written while serving a request carries: the request id, the caller's user
 * id once authenticated, and the location the request is about when it names one (path or
 * {@code location_id} query parameter here; resources add it when it comes in the body). The
 * JSON log layout writes these MDC entries as fields.
 */
public final class LogContext {
    public static final String REQUEST_ID = "request_id";
    public static final String USER_ID = "user_id";
    public static final String LOCATION_ID = "location_id";

    private LogContext() {
    }

    static void begin(ContainerRequestContext request) {
        MDC.put(REQUEST_ID, RequestIds.of(request));
        String location = locationOf(request.getUriInfo());
        if (location != null) {
            MDC.put(LOCATION_ID, location);
        }
    }

    public static void user(UUID userId) {
        MDC.put(USER_ID, userId.toString());
    }

    public static void location(UUID locationId) {
        if (locationId != null) {
            MDC.put(LOCATION_ID, locationId.toString());
        }
    }

    static void end() {
        MDC.remove(REQUEST_ID);
        MDC.remove(USER_ID);
        MDC.remove(LOCATION_ID);
    }

    /** Only a well-formed UUID is logged, so a crafted path cannot inject text into the logs. */
    static String locationOf(UriInfo uri) {
        String path = uri.getPath();
        String candidate = path.startsWith("api/v2/locations/") || path.startsWith("api/v2/analytics/locations/")
                ? uri.getPathParameters().getFirst("id")
                : uri.getQueryParameters().getFirst("location_id");
        if (candidate == null) {
            return null;
        }
        try {
            return UUID.fromString(candidate).toString();
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
