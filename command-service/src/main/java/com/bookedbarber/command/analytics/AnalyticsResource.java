package com.bookedbarber.command.analytics;

import com.bookedbarber.api.analytics.HourlyBookingsView;
import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.core.DomainException;
import io.dropwizard.auth.Auth;
import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import com.bookedbarber.command.ratelimit.RateLimited;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Dashboards poll these all day: they read only the projections (through the read data source,
 * which may be a replica) and answer 304 when nothing changed. Access
 * checks that the caller is an owner or manager of the location.
 */
@Path("/api/v2/analytics/locations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("analytics")
public final class AnalyticsResource {
    private static final CacheControl PRIVATE_REVALIDATE = CacheControl.valueOf("private, no-cache");

    private final Jdbi readOnly;
    private final ObjectMapper json;

    public AnalyticsResource(Jdbi readOnly, ObjectMapper json) {
        this.readOnly = readOnly;
        this.json = json;
    }

    @GET
    @Path("hourly-bookings")
    @Timed
    public Response hourlyBookings(@Auth Caller caller, @PathParam("id") UUID locationId,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @Context Request request) {
        DateRange range = DateRange.parse(from, to);
        HourlyBookingsView view = readOnly.withExtension(AnalyticsDao.class, dao -> {
            String timezone = ownerOrManager(dao, locationId, caller).timezone();
            return new HourlyBookingsView(locationId, timezone,
                    dao.asOf(locationId).map(OffsetDateTime::toInstant).orElse(null),
                    dao.hourlyBookings(locationId, range.from(), range.to()));
        });
        return conditional(request, view);
    }

    private static AnalyticsDao.LocationAccess ownerOrManager(AnalyticsDao dao, UUID locationId, Caller caller) {
        AnalyticsDao.LocationAccess access = dao.access(locationId, caller.userId())
                .orElseThrow(() -> DomainException.notFound("Location"));
        if (!access.mayReadAnalytics()) {
            throw DomainException.forbidden("forbidden", "Analytics are for the location's owner and managers");
        }
        return access;
    }

    /** 304 when the client's ETag still matches; the tag is a digest of the body itself. */
    private Response conditional(Request request, Object view) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        EntityTag tag = new EntityTag(digest(body));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(PRIVATE_REVALIDATE).build();
        }
        return Response.ok(new String(body, StandardCharsets.UTF_8)).tag(tag).cacheControl(PRIVATE_REVALIDATE).build();
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
