package com.bookedbarber.projection.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalHourTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void usesTheLocationsWallClockNotUtc() {
        assertThat(LocalHour.of(Instant.parse("2026-07-01T02:30:00Z"), NEW_YORK))
                .isEqualTo(new LocalHour(LocalDate.of(2026, 6, 30), 22));
    }

    @Test
    void fallBackDayCountsBothOneOClocksInHourOne() {
        // 2026-11-01: 01:00-01:59 happens twice in New York (EDT then EST)
        assertThat(LocalHour.of(Instant.parse("2026-11-01T05:30:00Z"), NEW_YORK).hour()).isEqualTo(1);
        assertThat(LocalHour.of(Instant.parse("2026-11-01T06:30:00Z"), NEW_YORK).hour()).isEqualTo(1);
        assertThat(LocalHour.of(Instant.parse("2026-11-01T19:00:00Z"), NEW_YORK).hour()).isEqualTo(14);
    }

    @Test
    void springForwardDaySkipsHourTwoAndKeepsAfternoonHoursRight() {
        // 2026-03-08: 02:00 does not exist in New York; 07:00Z is 03:00 EDT
        assertThat(LocalHour.of(Instant.parse("2026-03-08T07:00:00Z"), NEW_YORK).hour()).isEqualTo(3);
        assertThat(LocalHour.of(Instant.parse("2026-03-08T18:00:00Z"), NEW_YORK).hour()).isEqualTo(14);
    }
}
