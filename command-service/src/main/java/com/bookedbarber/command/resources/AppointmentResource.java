package com.bookedbarber.command.resources;

import com.bookedbarber.api.appointments.AppointmentView;
import com.bookedbarber.api.appointments.CreateAppointmentRequest;
import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.core.NewBooking;
import io.dropwizard.auth.Auth;
import com.bookedbarber.command.core.StartTimes;
import com.bookedbarber.command.service.BookingService;
import com.codahale.metrics.annotation.Timed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import com.bookedbarber.command.ratelimit.RateLimited;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

@Path("/api/v2/appointments")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("appointments")
@Consumes(MediaType.APPLICATION_JSON)
public final class AppointmentResource {
    private final BookingService bookings;

    public AppointmentResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @POST
    @Timed
    public Response create(@Auth Caller caller, @NotNull @Valid CreateAppointmentRequest request,
                           @Context UriInfo uri) {
        // the caller books for themself; staff booking for a client comes with the booking rules
        var booked = bookings.book(new NewBooking(request.locationId(), request.serviceId(),
                StartTimes.parse("start", request.start()), request.barberId(), caller.userId(), request.notes()));
        AppointmentView view = AppointmentViews.of(booked);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("{id}")
    @Timed
    public AppointmentView get(@Auth Caller caller, @PathParam("id") UUID id) {
        return AppointmentViews.of(bookings.get(id, caller.userId()));
    }
}
