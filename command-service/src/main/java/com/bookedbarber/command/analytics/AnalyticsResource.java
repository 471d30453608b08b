package com.bookedbarber.command.analytics;

import com.bookedbarber.api.analytics.DailyRevenueView;
import com.bookedbarber.api.analytics.HourlyBookingsView;
import com.bookedbarber.api.analytics.SummaryView;
import java.util.List;
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

    @GET
    @Path("daily-revenue")
    @Timed
    public Response dailyRevenue(@Auth Caller caller, @PathParam("id") UUID locationId,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @Context Request request) {
        DateRange range = DateRange.parse(from, to);
        DailyRevenueView view = readOnly.withExtension(AnalyticsDao.class, dao -> {
            AnalyticsDao.LocationAccess access = ownerOrManager(dao, locationId, caller);
            List<DailyRevenueView.Day> days = Reports.zeroFilled(range,
                    dao.dailyRevenue(locationId, access.currency(), range.from(), range.to()));
            return new DailyRevenueView(locationId, access.currency(), access.timezone(), asOf(dao, locationId), days,
                    Reports.totals(days));
        });
        return conditional(request, view);
    }

    @GET
    @Path("summary")
    @Timed
    public Response summary(@Auth Caller caller, @PathParam("id") UUID locationId,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @Context Request request) {
        DateRange range = DateRange.parse(from, to);
        SummaryView view = readOnly.withExtension(AnalyticsDao.class, dao -> {
            AnalyticsDao.LocationAccess access = ownerOrManager(dao, locationId, caller);
            AnalyticsDao.RevenueTotals money = dao.revenueTotals(locationId, access.currency(),
                    Reports.previousFrom(range), range.from(), range.to());
            List<AnalyticsDao.HourTotals> hours = dao.hourTotals(locationId, range.from(), range.to());
            long appointments = hours.stream().mapToLong(AnalyticsDao.HourTotals::all).sum();
            long net = money.gross() - money.refunded();
            long previousNet = money.previousGross() - money.previousRefunded();
            return new SummaryView(locationId, access.currency(), access.timezone(), asOf(dao, locationId),
                    range.from(), range.to(), money.gross(), money.refunded(), net, previousNet,
                    Reports.change(net, previousNet), appointments,
                    Reports.ratio(hours.stream().mapToLong(AnalyticsDao.HourTotals::cancelled).sum(), appointments),
                    Reports.ratio(hours.stream().mapToLong(AnalyticsDao.HourTotals::noShow).sum(), appointments),
                    Reports.busiest(hours));
        });
        return conditional(request, view);
    }

    private static java.time.Instant asOf(AnalyticsDao dao, UUID locationId) {
        return dao.asOf(locationId).map(OffsetDateTime::toInstant).orElse(null);
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
