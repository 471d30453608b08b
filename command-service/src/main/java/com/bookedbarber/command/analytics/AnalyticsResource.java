package com.bookedbarber.command.analytics;

import com.bookedbarber.api.analytics.DailyRevenueView;
import com.bookedbarber.api.analytics.HourlyBookingsView;
import com.bookedbarber.api.analytics.SummaryView;
import com.bookedbarber.command.analytics.AnalyticsAccessDao.LocationAccess;
import com.bookedbarber.command.analytics.ProjectionStateDao.ProjectionState;
import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.ratelimit.RateLimited;
import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Dashboards poll these all day: they read only the projections (through the read data source,
 * which may be a replica), answer from a cache keyed by the projection's version when nothing
 * changed, and answer 304 when the client already has it. Access (owners and managers) and the
 * current version come from memory, kept coherent by notifications ({@link LocationAccessCache},
 * {@link ProjectionVersions}), so a cached answer costs no query; a miss reads the projection's
 * state and the report's rows. Without notifications, each request reads access and version.
 */
@Path("/api/v2/analytics/locations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("analytics")
public final class AnalyticsResource {
    /** Header values as Strings: Jersey's CacheControl and EntityTag conversions allocate on every response. */
    private static final String PRIVATE_REVALIDATE = "private, no-cache";

    private final Jdbi readOnly;
    private final ObjectMapper json;
    private final AnalyticsCache cache;
    private final LocationAccessCache access;
    private final ProjectionVersions versions;

    public AnalyticsResource(Jdbi readOnly, ObjectMapper json, AnalyticsCache cache, LocationAccessCache access,
                             ProjectionVersions versions) {
        this.readOnly = readOnly;
        this.json = json;
        this.cache = cache;
        this.access = access;
        this.versions = versions;
    }

    @GET
    @Path("hourly-bookings")
    @Timed
    public Response hourlyBookings(@Auth Caller caller, @PathParam("id") UUID locationId,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @Context Request request) {
        DateRange range = DateRange.parse(from, to);
        return answer(caller, locationId, "hourly-bookings", range, request, (dao, access, state) ->
                new HourlyBookingsView(locationId, access.timezone(), asOf(state),
                        dao.hourlyBookings(locationId, range.from(), range.to())));
    }

    @GET
    @Path("daily-revenue")
    @Timed
    public Response dailyRevenue(@Auth Caller caller, @PathParam("id") UUID locationId,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @Context Request request) {
        DateRange range = DateRange.parse(from, to);
        return answer(caller, locationId, "daily-revenue", range, request, (dao, access, state) -> {
            List<DailyRevenueView.Day> days = Reports.zeroFilled(range,
                    dao.dailyRevenue(locationId, access.currency(), range.from(), range.to()));
            return new DailyRevenueView(locationId, access.currency(), access.timezone(), asOf(state), days,
                    Reports.totals(days));
        });
    }

    @GET
    @Path("summary")
    @Timed
    public Response summary(@Auth Caller caller, @PathParam("id") UUID locationId,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @Context Request request) {
        DateRange range = DateRange.parse(from, to);
        return answer(caller, locationId, "summary", range, request, (dao, access, state) -> {
            AnalyticsDao.RevenueTotals money = dao.revenueTotals(locationId, access.currency(),
                    Reports.previousFrom(range), range.from(), range.to());
            List<AnalyticsDao.HourTotals> hours = dao.hourTotals(locationId, range.from(), range.to());
            long appointments = hours.stream().mapToLong(AnalyticsDao.HourTotals::all).sum();
            long net = money.gross() - money.refunded();
            long previousNet = money.previousGross() - money.previousRefunded();
            return new SummaryView(locationId, access.currency(), access.timezone(), asOf(state),
                    range.from(), range.to(), money.gross(), money.refunded(), net, previousNet,
                    Reports.change(net, previousNet), appointments,
                    Reports.ratio(hours.stream().mapToLong(AnalyticsDao.HourTotals::cancelled).sum(), appointments),
                    Reports.ratio(hours.stream().mapToLong(AnalyticsDao.HourTotals::noShow).sum(), appointments),
                    Reports.busiest(hours));
        });
    }

    @FunctionalInterface
    private interface Report {
        Object build(AnalyticsDao dao, LocationAccess access, ProjectionState state);
    }

    private Response answer(Caller caller, UUID locationId, String name, DateRange range, Request request,
                            Report report) {
        LocationAccess location = ownerOrManager(locationId, caller);
        OptionalLong version = versions.current(locationId);
        AnalyticsCache.Answer cached = version.isPresent()
                ? cache.getIfPresent(location, locationId, name, range, version.getAsLong()) : null;
        AnalyticsCache.Answer answer = cached != null ? cached : readOnly.withHandle(h -> {
            // the version this data source has reached (a replica may trail the notifications)
            ProjectionState state = h.attach(ProjectionStateDao.class).state(locationId);
            versions.seen(locationId, state.version());
            return cache.get(location, locationId, name, range, state.version(),
                    () -> serialize(report.build(h.attach(AnalyticsDao.class), location, state)));
        });
        EntityTag tag = new EntityTag(answer.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.header(HttpHeaders.CACHE_CONTROL, PRIVATE_REVALIDATE).build();
        }
        // the cached bytes as they are: no copy, no re-encoding
        return Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, answer.etagHeader())
                .header(HttpHeaders.CACHE_CONTROL, PRIVATE_REVALIDATE).build();
    }

    private static Instant asOf(ProjectionState state) {
        return state.asOf() == null ? null : state.asOf().toInstant();
    }

    private LocationAccess ownerOrManager(UUID locationId, Caller caller) {
        LocationAccess location = access.access(locationId, caller.userId())
                .orElseThrow(() -> DomainException.notFound("Location"));
        if (!location.mayReadAnalytics()) {
            throw DomainException.forbidden("forbidden", "Analytics are for the location's owner and managers");
        }
        return location;
    }

    /** The body as sent, and its ETag: a digest of the body itself. */
    private AnalyticsCache.Answer serialize(Object view) {
        try {
            byte[] body = json.writeValueAsBytes(view);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return new AnalyticsCache.Answer(body, HexFormat.of().formatHex(hash, 0, 16));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
