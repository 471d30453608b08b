package com.bookedbarber.command.core;

import java.time.Instant;
import java.util.UUID;

/** A payment of one appointment, in integer minor units of its currency. */
public record Payment(
        UUID id,
        UUID appointmentId,
        UUID locationId,
        UUID barberId,
        UUID payerId,
        UUID createdBy,
        String method,
        PaymentStatus status,
        long amountCents,
        long tipCents,
        String currency,
        long platformFeeCents,
        long barberAmountCents,
        long refundedCents,
        String providerIntentId,
        int version,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt) {

    public long refundableCents() {
        return amountCents - refundedCents;
    }

    /** The next version of this payment in another status (and with another refunded total). */
    public Payment next(PaymentStatus newStatus, long newRefundedCents, Instant newCompletedAt, Instant now) {
        return new Payment(id, appointmentId, locationId, barberId, payerId, createdBy, method, newStatus, amountCents,
                tipCents, currency, platformFeeCents, barberAmountCents, newRefundedCents, providerIntentId,
                version + 1, newCompletedAt, createdAt, now);
    }
}
