package com.bookedbarber.command.service;

import com.bookedbarber.command.core.BookedAppointment;
import com.bookedbarber.command.core.CancellationRefund;
import com.bookedbarber.command.db.PaymentDao;
import com.bookedbarber.command.db.RefundDao.Refund;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cancels an appointment and applies the location's cancellation policy to its payment. The
 * refund is reserved in the cancellation's own transaction (a crash cannot leave a cancelled,
 * paid appointment without its refund), then goes the way of every refund.
 */
public final class CancellationService {
    private static final String REASON = "cancellation policy";

    /** The cancelled appointment and the refund the policy gave, if any. */
    public record Cancelled(BookedAppointment appointment, Refund refund) {
    }

    private final BookingService bookings;
    private final RefundService refunds;

    public CancellationService(BookingService bookings, RefundService refunds) {
        this.bookings = bookings;
        this.refunds = refunds;
    }

    public Cancelled cancel(UUID appointmentId, UUID callerId, Integer ifMatch) {
        AtomicReference<Refund> reserved = new AtomicReference<>();
        BookedAppointment cancelled = bookings.cancel(appointmentId, callerId, ifMatch,
                (h, before, after, location, now) -> h.attach(PaymentDao.class).lockPaidForAppointment(appointmentId)
                        .ifPresent(payment -> {
                            long due = CancellationRefund.amountCents(location, before.start(), now, payment);
                            if (due > 0) {
                                reserved.set(refunds.reserve(h, payment, due, REASON, callerId, now));
                            }
                        }));
        Refund refund = reserved.get();
        if (refund != null && "pending".equals(refund.status())) {
            refund = refunds.submit(refund.id());
        }
        return new Cancelled(cancelled, refund);
    }
}
