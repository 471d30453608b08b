package com.bookedbarber.command.core;

import java.time.Instant;
import java.util.UUID;

/** A request to book: {@code barberId} null means any free barber; {@code clientId} null for guests. */
public record NewBooking(UUID locationId, UUID serviceId, Instant start, UUID barberId, UUID clientId,
                         String notes) {
}
