package com.bookedbarber.command.resources;

import com.bookedbarber.api.locations.AddMemberRequest;
import com.bookedbarber.api.locations.AvailabilityView;
import com.bookedbarber.api.locations.CancellationPolicy;
import com.bookedbarber.api.locations.CreateLocationRequest;
import com.bookedbarber.api.locations.CreateServiceRequest;
import com.bookedbarber.api.locations.HoursWindow;
import com.bookedbarber.api.locations.LocationView;
import com.bookedbarber.api.locations.MemberView;
import com.bookedbarber.api.locations.ServiceView;
import com.bookedbarber.api.locations.TimeOffRequest;
import com.bookedbarber.api.locations.TimeOffView;
import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.Ids;
import com.bookedbarber.command.core.Location;
import com.bookedbarber.command.core.ServiceOffering;
import com.bookedbarber.command.core.WorkingWindow;
import com.bookedbarber.command.filter.MfaRequired;
import com.bookedbarber.command.idempotency.Idempotent;
import com.bookedbarber.command.ratelimit.RateLimited;
import com.bookedbarber.command.service.AvailabilityService;
import com.bookedbarber.command.service.CatalogCache;
import com.bookedbarber.command.service.CatalogService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@Path("/api/v2/locations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RateLimited("appointments")
public final class LocationResource {
    private final CatalogService catalog;
    private final AvailabilityService availability;

    public LocationResource(CatalogService catalog, AvailabilityService availability) {
        this.catalog = catalog;
        this.availability = availability;
    }

    @POST
    @Idempotent
    @Timed
    public Response create(@Auth Caller caller, @NotNull @Valid CreateLocationRequest request) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timezone());
        } catch (DateTimeException e) {
            throw DomainException.invalidField("timezone", "is not an IANA time zone, e.g. America/New_York");
        }
        if (!request.timezone().contains("/") && !"UTC".equals(request.timezone())) {
            throw DomainException.invalidField("timezone", "is not an IANA time zone, e.g. America/New_York");
        }
        CancellationPolicy policy = request.cancellationPolicy();
        Location location = catalog.createLocation(new Location(Ids.newId(), request.name().trim(), request.slug(),
                zone, request.currency(), orDefault(request.minLeadMinutes(), 15), orDefault(request.maxAdvanceDays(), 30),
                orDefault(request.slotMinutes(), 30),
                policy == null ? 24 : orDefault(policy.fullRefundHours(), 24),
                policy == null ? 50 : orDefault(policy.lateRefundPercent(), 50)), caller.userId());
        return Response.status(201).entity(view(location)).build();
    }

    @GET
    @Path("{id}")
    @Timed
    public LocationView get(@Auth Caller caller, @PathParam("id") UUID id) {
        return view(catalog.catalog(id).location());
    }

    @POST
    @Path("{id}/members")
    @MfaRequired
    @Idempotent
    @Timed
    public Response addMember(@Auth Caller caller, @PathParam("id") UUID id, @NotNull @Valid AddMemberRequest request) {
        UUID userId = catalog.addMember(id, caller.userId(), request.email(), request.role(), request.commissionRate());
        return Response.status(201).entity(new MemberView(id, userId, request.role(),
                request.commissionRate() == null ? new java.math.BigDecimal("0.20") : request.commissionRate())).build();
    }

    @POST
    @Path("{id}/services")
    @Idempotent
    @Timed
    public Response addService(@Auth Caller caller, @PathParam("id") UUID id, @NotNull @Valid CreateServiceRequest request) {
        ServiceOffering service = catalog.addService(id, caller.userId(), request.name(), request.durationMinutes(),
                request.priceCents(), orDefault(request.bufferMinutes(), 0));
        return Response.status(201).entity(view(service, catalog.catalog(id).location().currency())).build();
    }

    @GET
    @Path("{id}/services")
    @Timed
    public List<ServiceView> services(@Auth Caller caller, @PathParam("id") UUID id) {
        CatalogCache.Catalog shop = catalog.catalog(id);
        return shop.services().stream().map(s -> view(s, shop.location().currency())).toList();
    }

    @PUT
    @Path("{id}/barbers/{barberId}/hours")
    @Timed
    public List<HoursWindow> setHours(@Auth Caller caller, @PathParam("id") UUID id, @PathParam("barberId") UUID barberId,
                                      @NotNull @Size(max = 100) List<@NotNull @Valid HoursWindow> windows) {
        List<WorkingWindow> parsed = windows.stream().map(w -> new WorkingWindow(barberId, w.dayOfWeek(),
                LocalTime.parse(w.start()), LocalTime.parse(w.end()))).toList();
        return catalog.setHours(id, barberId, caller.userId(), parsed).stream()
                .map(w -> new HoursWindow(w.dayOfWeek(), w.start().toString(), w.end().toString())).toList();
    }

    @POST
    @Path("{id}/barbers/{barberId}/time-off")
    @Idempotent
    @Timed
    public Response addTimeOff(@Auth Caller caller, @PathParam("id") UUID id, @PathParam("barberId") UUID barberId,
                               @NotNull @Valid TimeOffRequest request) {
        UUID timeOffId = Ids.newId();
        var interval = catalog.addTimeOff(timeOffId, id, barberId, caller.userId(), request.start(), request.end(),
                request.reason());
        return Response.status(201).entity(new TimeOffView(timeOffId, id, barberId, interval.start(), interval.end(),
                request.reason())).build();
    }

    @GET
    @Path("{id}/availability")
    @Timed
    public AvailabilityView availability(@Auth Caller caller, @PathParam("id") UUID id, @QueryParam("date") String date,
                                         @QueryParam("service_id") String serviceId,
                                         @QueryParam("barber_id") String barberId) {
        return AvailabilityViews.of(availability.slots(availability.byId(id), QueryParams.date("date", date),
                QueryParams.requiredUuid("service_id", serviceId), QueryParams.uuid("barber_id", barberId)));
    }

    static LocationView view(Location l) {
        return new LocationView(l.id(), l.name(), l.slug(), l.timezone().getId(), l.currency(), l.minLeadMinutes(),
                l.maxAdvanceDays(), l.slotMinutes(), new CancellationPolicy(l.fullRefundHours(), l.lateRefundPercent()));
    }

    private static ServiceView view(ServiceOffering s, String currency) {
        return new ServiceView(s.id(), s.locationId(), s.name(), s.durationMinutes(), s.priceCents(), s.bufferMinutes(),
                currency);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
