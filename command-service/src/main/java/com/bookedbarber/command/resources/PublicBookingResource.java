package com.bookedbarber.command.resources;

import com.bookedbarber.api.appointments.GuestBookingRequest;
import com.bookedbarber.api.locations.AvailabilityView;
import com.bookedbarber.command.core.NewBooking;
import com.bookedbarber.command.core.StartTimes;
import com.bookedbarber.command.ratelimit.RateLimited;
import com.bookedbarber.command.service.AvailabilityService;
import com.bookedbarber.command.service.BookingService;
import com.bookedbarber.command.idempotency.Idempotent;
import com.codahale.metrics.annotation.Timed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** No account needed: a shop's availability and guest bookings by its slug, limited per client address. */
@Path("/api/v2/public/locations/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RateLimited("public")
public final class PublicBookingResource {
    private final AvailabilityService availability;
    private final BookingService bookings;

    public PublicBookingResource(AvailabilityService availability, BookingService bookings) {
        this.availability = availability;
        this.bookings = bookings;
    }

    @GET
    @Path("availability")
    @Timed
    public AvailabilityView availability(@PathParam("slug") String slug, @QueryParam("date") String date,
                                         @QueryParam("service_id") String serviceId,
                                         @QueryParam("barber_id") String barberId) {
        return AvailabilityViews.of(availability.slots(availability.bySlug(slug), QueryParams.date("date", date),
                QueryParams.requiredUuid("service_id", serviceId), QueryParams.uuid("barber_id", barberId)));
    }

    /** The answer is the appointment with its unguessable confirmation_code; guests' contacts stay private. */
    @POST
    @Path("bookings")
    @Idempotent
    @Timed
    public Response book(@PathParam("slug") String slug, @NotNull @Valid GuestBookingRequest request) {
        var guest = request.guest();
        var booked = bookings.bookAsGuest(slug, new NewBooking(null, request.serviceId(),
                StartTimes.parse("start", request.start()), request.barberId(), null, null),
                new BookingService.Guest(guest.name().trim(), guest.email().trim(), guest.phone()));
        return Response.status(201).entity(AppointmentViews.of(booked)).build();
    }
}
