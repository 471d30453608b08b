package com.bookedbarber.command.core;

import java.time.Instant;
import java.util.UUID;

/** A half-open span [start, end) when a barber is not free: an appointment (buffer included) or time off. */
public record Interval(UUID barberId, Instant start, Instant end) {
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
