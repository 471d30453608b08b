package com.bookedbarber.command.resources;

import com.bookedbarber.api.payments.CreatePaymentRequest;
import com.bookedbarber.api.payments.CreateRefundRequest;
import com.bookedbarber.api.payments.PaymentPage;
import com.bookedbarber.api.payments.PaymentView;
import com.bookedbarber.api.payments.RefundView;
import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.core.Payment;
import com.bookedbarber.command.filter.LogContext;
import com.bookedbarber.command.filter.MfaRequired;
import com.bookedbarber.command.idempotency.Idempotent;
import com.bookedbarber.command.ratelimit.RateLimited;
import com.bookedbarber.command.service.PaymentService;
import com.bookedbarber.command.service.RefundService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Payments and refunds; every POST requires an Idempotency-Key (a retry never pays twice). */
@Path("/api/v2/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RateLimited("payments")
public final class PaymentResource {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentResource.class);
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final PaymentService payments;
    private final RefundService refunds;

    public PaymentResource(PaymentService payments, RefundService refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @POST
    @Idempotent(required = true)
    @Timed
    public Response create(@Auth Caller caller, @NotNull @Valid CreatePaymentRequest request, @Context UriInfo uri) {
        PaymentService.Created created = payments.create(caller.userId(), request.appointmentId(), request.method(),
                request.tipCents() == null ? 0 : request.tipCents());
        Payment payment = created.payment();
        LogContext.location(payment.locationId());
        LOG.info("payment {} for appointment {}: {} {} {} cents (tip {})", payment.id(), payment.appointmentId(),
                payment.method(), payment.status().wireName(), payment.amountCents(), payment.tipCents());
        PaymentView view = PaymentViews.of(payment, created.clientSecret());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("{id}")
    @Timed
    public PaymentView get(@Auth Caller caller, @PathParam("id") UUID id) {
        return PaymentViews.of(payments.get(id, caller.userId()), null);
    }

    @GET
    @Timed
    public PaymentPage list(@Auth Caller caller, @QueryParam("location_id") String locationId,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int pageSize = QueryParams.intInRange("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
        List<Payment> rows = payments.list(caller.userId(), QueryParams.uuid("location_id", locationId),
                from == null ? Instant.EPOCH : QueryParams.instant("from", from),
                to == null ? Instant.parse("9999-01-01T00:00:00Z") : QueryParams.instant("to", to),
                after == null ? null : after.start(), after == null ? null : after.id(), pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<Payment> page = more ? rows.subList(0, pageSize) : rows;
        Payment last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new PaymentPage(page.stream().map(p -> PaymentViews.of(p, null)).toList(),
                more ? PageCursor.encode(last.createdAt(), last.id()) : null);
    }

    @POST
    @Path("{id}/refunds")
    @Idempotent(required = true)
    @MfaRequired
    @Timed
    public Response refund(@Auth Caller caller, @PathParam("id") UUID id, @NotNull @Valid CreateRefundRequest request,
                           @Context UriInfo uri) {
        RefundView view = PaymentViews.of(refunds.refund(caller.userId(), id, request.amountCents(), request.reason()));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }
}
