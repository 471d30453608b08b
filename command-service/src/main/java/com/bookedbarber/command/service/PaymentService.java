package com.bookedbarber.command.service;

import com.bookedbarber.api.events.EventType;
import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.AppointmentStatus;
import com.bookedbarber.command.core.Commission;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.EventFactory;
import com.bookedbarber.command.core.Ids;
import com.bookedbarber.command.core.Payment;
import com.bookedbarber.command.core.PaymentStatus;
import com.bookedbarber.command.db.AppointmentDao;
import com.bookedbarber.command.db.MemberDao;
import com.bookedbarber.command.db.OutboxDao;
import com.bookedbarber.command.db.PaymentDao;
import com.bookedbarber.command.provider.CardGateway;
import com.bookedbarber.platform.db.SqlStates;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Takes payments. Cash is completed at once by staff; a card payment is written as pending
 * before the provider is asked for a PaymentIntent (keyed by our payment id, so a retry finds the
 * same intent), and completes when the provider's webhook says so. The database allows one live
 * payment per appointment, whatever concurrent requests do.
 */
public final class PaymentService {
    /** The platform's share when a barber has no rate of their own. */
    public static final BigDecimal DEFAULT_COMMISSION = new BigDecimal("0.20");

    /** A new payment, and for a card payment the secret the browser confirms it with. */
    public record Created(Payment payment, String clientSecret) {
    }

    private final Jdbi primary;
    private final CardGateway gateway;
    private final CatalogCache catalog;
    private final Clock clock;

    public PaymentService(Jdbi primary, CardGateway gateway, CatalogCache catalog, Clock clock) {
        this.primary = primary;
        this.gateway = gateway;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Created create(UUID callerId, UUID appointmentId, String method, long tipCents) {
        boolean card = "card".equals(method);
        if (card && !gateway.acceptingCalls()) {
            throw gateway.unavailable(); // at once, not after a timeout
        }
        Payment payment = write(h -> {
            Appointment appointment = h.attach(AppointmentDao.class).findVisible(appointmentId, callerId)
                    .orElseThrow(() -> DomainException.notFound("Appointment"));
            MemberDao members = h.attach(MemberDao.class);
            boolean staff = members.role(appointment.locationId(), callerId).isPresent();
            if (!card && !staff) {
                throw DomainException.forbidden("forbidden", "Only the location's staff take cash payments");
            }
            if (appointment.status() != AppointmentStatus.CONFIRMED
                    && appointment.status() != AppointmentStatus.COMPLETED) {
                throw DomainException.conflict("appointment_not_payable",
                        "An appointment that is " + appointment.status().wireName() + " cannot be paid");
            }
            BigDecimal rate = members.commissionRate(appointment.locationId(), appointment.barberId())
                    .orElse(DEFAULT_COMMISSION);
            Commission split = Commission.of(appointment.priceCents(), tipCents, rate);
            if (split.amountCents() <= 0) {
                throw DomainException.invalid("nothing_to_pay", "The appointment is free and there is no tip");
            }
            Instant now = now();
            Payment created = new Payment(Ids.newId(), appointment.id(), appointment.locationId(),
                    appointment.barberId(), appointment.clientId(), callerId, method,
                    card ? PaymentStatus.PENDING : PaymentStatus.COMPLETED, split.amountCents(), split.tipCents(),
                    appointment.currency(), split.platformFeeCents(), split.barberAmountCents(), 0, null, 1,
                    card ? null : now, now, now);
            h.attach(PaymentDao.class).insert(created);
            if (!card) {
                h.attach(OutboxDao.class).insert(EventFactory.payment(EventType.PaymentCompleted, created,
                        catalog.timezone(created.locationId()), now));
            }
            return created;
        });
        if (!card) {
            return new Created(payment, null);
        }
        try {
            CardGateway.Intent intent = gateway.createIntent(payment.id(), payment.amountCents(), payment.currency());
            primary.useExtension(PaymentDao.class, dao -> dao.setIntent(payment.id(), intent.id()));
            return new Created(payment, intent.clientSecret());
        } catch (DomainException e) {
            // no intent: the payment fails, so it does not block the appointment's next attempt
            fail(payment.id());
            throw e;
        }
    }

    public Payment get(UUID id, UUID callerId) {
        return primary.withExtension(PaymentDao.class, dao -> dao.findVisible(id, callerId))
                .orElseThrow(() -> DomainException.notFound("Payment"));
    }

    /** One page: a location's payments for its staff, or the caller's own without a location. */
    public List<Payment> list(UUID callerId, UUID locationId, Instant from, Instant to, Instant afterCreated,
                              UUID afterId, int limit) {
        if (locationId != null
                && primary.withExtension(MemberDao.class, dao -> dao.role(locationId, callerId)).isEmpty()) {
            throw DomainException.notFound("Location");
        }
        UUID payer = locationId == null ? callerId : null;
        return primary.withExtension(PaymentDao.class, dao -> dao.page(locationId, payer,
                from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC),
                afterCreated == null ? null : afterCreated.atOffset(ZoneOffset.UTC), afterId, limit));
    }

    private void fail(UUID paymentId) {
        primary.useTransaction(h -> h.attach(PaymentDao.class).lock(paymentId)
                .filter(p -> p.status() == PaymentStatus.PENDING)
                .ifPresent(p -> {
                    Instant now = now();
                    Payment failed = p.next(PaymentStatus.FAILED, p.refundedCents(), null, now);
                    h.attach(PaymentDao.class).update(failed);
                    h.attach(OutboxDao.class).insert(EventFactory.payment(EventType.PaymentFailed, failed,
                            catalog.timezone(failed.locationId()), now));
                }));
    }

    private Payment write(org.jdbi.v3.core.HandleCallback<Payment, RuntimeException> work) {
        try {
            return primary.inTransaction(work);
        } catch (JdbiException e) {
            if (SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                throw DomainException.conflict("already_paid", "The appointment already has a payment");
            }
            throw e;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
