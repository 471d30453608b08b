package com.bookedbarber.projection.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The location-local calendar date and hour of an instant. On a fall-back day the repeated
 * hour maps to the same hour number, as the wall clock showed it; on a spring-forward day the
 * skipped hour simply never occurs.
 */
public record LocalHour(LocalDate date, int hour) {
    public static LocalHour of(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return new LocalHour(local.toLocalDate(), local.getHour());
    }
}
