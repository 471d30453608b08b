package com.bookedbarber.command.resources;

import com.bookedbarber.api.payments.PaymentView;
import com.bookedbarber.api.payments.RefundView;
import com.bookedbarber.command.core.Payment;
import com.bookedbarber.command.db.RefundDao.Refund;

final class PaymentViews {
    private PaymentViews() {
    }

    static PaymentView of(Payment p, String clientSecret) {
        return new PaymentView(p.id(), p.appointmentId(), p.locationId(), p.barberId(), p.method(),
                p.status().wireName(), p.amountCents(), p.tipCents(), p.currency(), p.platformFeeCents(),
                p.barberAmountCents(), p.refundedCents(), clientSecret, p.createdAt(), p.completedAt());
    }

    static RefundView of(Refund r) {
        return new RefundView(r.id(), r.paymentId(), r.amountCents(), r.status(), r.createdAt());
    }
}
