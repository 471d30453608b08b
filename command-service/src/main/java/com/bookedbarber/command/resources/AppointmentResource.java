package com.bookedbarber.command.resources;

import com.bookedbarber.api.appointments.AppointmentPage;
import com.bookedbarber.api.appointments.AppointmentView;
import com.bookedbarber.api.appointments.CancelRequest;
import com.bookedbarber.api.appointments.CreateAppointmentRequest;
import com.bookedbarber.api.appointments.RescheduleRequest;
import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.core.BookedAppointment;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.NewBooking;
import com.bookedbarber.command.core.StartTimes;
import com.bookedbarber.command.filter.LogContext;
import com.bookedbarber.command.ratelimit.RateLimited;
import com.bookedbarber.command.service.BookingService;
import com.bookedbarber.command.service.CancellationService;
import com.bookedbarber.command.idempotency.Idempotent;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v2/appointments")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("appointments")
@Consumes(MediaType.APPLICATION_JSON)
public final class AppointmentResource {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final BookingService bookings;
    private final CancellationService cancellations;

    public AppointmentResource(BookingService bookings, CancellationService cancellations) {
        this.bookings = bookings;
        this.cancellations = cancellations;
    }

    @POST
    @Idempotent
    @Timed
    public Response create(@Auth Caller caller, @NotNull @Valid CreateAppointmentRequest request,
                           @Context UriInfo uri) {
        LogContext.location(request.locationId());
        var booked = bookings.book(new NewBooking(request.locationId(), request.serviceId(),
                StartTimes.parse("start", request.start()), request.barberId(), caller.userId(), request.notes()));
        AppointmentView view = AppointmentViews.of(booked);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .header(HttpHeaders.ETAG, etag(booked)).entity(view).build();
    }

    @GET
    @Path("{id}")
    @Timed
    public Response get(@Auth Caller caller, @PathParam("id") UUID id) {
        BookedAppointment booked = bookings.get(id, caller.userId());
        return Response.ok(AppointmentViews.of(booked)).header(HttpHeaders.ETAG, etag(booked)).build();
    }

    @GET
    @Timed
    public AppointmentPage list(@Auth Caller caller, @QueryParam("location_id") String locationId,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("barber_id") String barberId, @QueryParam("status") String status,
                                @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int pageSize = QueryParams.intInRange("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (status != null && !List.of("confirmed", "completed", "cancelled", "no_show").contains(status)) {
            throw DomainException.malformedField("status", "must be confirmed, completed, cancelled or no_show");
        }
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
        List<BookedAppointment> rows = bookings.list(caller.userId(), QueryParams.uuid("location_id", locationId),
                QueryParams.uuid("barber_id", barberId), status,
                from == null ? Instant.EPOCH : QueryParams.instant("from", from),
                to == null ? Instant.parse("9999-01-01T00:00:00Z") : QueryParams.instant("to", to),
                after == null ? null : after.start(), after == null ? null : after.id(), pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<BookedAppointment> page = more ? rows.subList(0, pageSize) : rows;
        String next = more ? PageCursor.encode(page.get(page.size() - 1).appointment()) : null;
        return new AppointmentPage(page.stream().map(AppointmentViews::of).toList(), next);
    }

    @POST
    @Path("{id}/reschedule")
    @Timed
    public Response reschedule(@Auth Caller caller, @PathParam("id") UUID id,
                               @NotNull @Valid RescheduleRequest request, @HeaderParam("If-Match") String ifMatch) {
        return ok(bookings.reschedule(id, caller.userId(), StartTimes.parse("start", request.start()),
                request.barberId(), IfMatch.version(ifMatch)));
    }

    @POST
    @Path("{id}/cancel")
    @Timed
    public Response cancel(@Auth Caller caller, @PathParam("id") UUID id, @Valid CancelRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        CancellationService.Cancelled cancelled = cancellations.cancel(id, caller.userId(), IfMatch.version(ifMatch));
        BookedAppointment booked = cancelled.appointment();
        return Response.ok(AppointmentViews.of(booked, cancelled.refund() == null ? null
                : PaymentViews.of(cancelled.refund()))).header(HttpHeaders.ETAG, etag(booked)).build();
    }

    @POST
    @Path("{id}/complete")
    @Timed
    public Response complete(@Auth Caller caller, @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(bookings.complete(id, caller.userId(), IfMatch.version(ifMatch)));
    }

    @POST
    @Path("{id}/no-show")
    @Timed
    public Response noShow(@Auth Caller caller, @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(bookings.noShow(id, caller.userId(), IfMatch.version(ifMatch)));
    }

    private static Response ok(BookedAppointment booked) {
        return Response.ok(AppointmentViews.of(booked)).header(HttpHeaders.ETAG, etag(booked)).build();
    }

    /** The appointment's version is its ETag; send it back in If-Match to change it safely. */
    /**
     * The strong ETag header value: the version, quoted. Given as a String because Jersey's
     * EntityTag-to-header conversion builds a localized error message on every call.
     */
    static String etag(BookedAppointment booked) {
        return "\"" + booked.appointment().version() + "\"";
    }
}
