package com.bookedbarber.command.core;

import java.time.Duration;
import java.util.UUID;

/** Something a location sells: it takes {@code duration} and blocks the chair {@code buffer} longer. */
public record ServiceOffering(UUID id, UUID locationId, String name, int durationMinutes, long priceCents,
                              int bufferMinutes) {
    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public Duration blockedDuration() {
        return Duration.ofMinutes((long) durationMinutes + bufferMinutes);
    }
}
