package com.bookedbarber.command.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The location's cancellation policy applied to a paid appointment: cancelled at least
 * {@code full_refund_hours} before its start, the whole refundable remainder comes back; later,
 * {@code late_refund_percent} of the amount paid (half-even), never more than the remainder.
 */
public final class CancellationRefund {
    private CancellationRefund() {
    }

    public static long amountCents(Location location, Instant start, Instant cancelledAt, Payment payment) {
        boolean early = !cancelledAt.isAfter(start.minus(Duration.ofHours(location.fullRefundHours())));
        long due = early ? payment.amountCents()
                : BigDecimal.valueOf(payment.amountCents()).multiply(BigDecimal.valueOf(location.lateRefundPercent()))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_EVEN).longValueExact();
        return Math.min(due, payment.refundableCents());
    }
}
