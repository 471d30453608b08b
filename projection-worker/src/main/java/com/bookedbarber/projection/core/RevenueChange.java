package com.bookedbarber.projection.core;

import java.time.LocalDate;
import java.util.UUID;

/** What one payment event adds to daily_revenue on one location-local day. */
public record RevenueChange(UUID locationId, LocalDate date, String currency, long grossCents, long refundedCents,
                            int payments, int refunds) {
}
