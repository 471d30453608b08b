package com.bookedbarber.command.core;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment as stored. The chair is blocked from {@code start} until {@code blockedUntil}
 * (the end plus the service's buffer); {@code version} rises by one with each change and is the
 * {@code aggregate_version} of the event that change emits.
 */
public record Appointment(
        UUID id,
        UUID locationId,
        UUID barberId,
        UUID serviceId,
        UUID clientId,
        Instant start,
        Instant end,
        Instant blockedUntil,
        AppointmentStatus status,
        long priceCents,
        String currency,
        String notes,
        String confirmationCode,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    public Appointment withBarber(UUID barber) {
        return new Appointment(id, locationId, barber, serviceId, clientId, start, end, blockedUntil, status,
                priceCents, currency, notes, confirmationCode, version, createdAt, updatedAt);
    }
}
