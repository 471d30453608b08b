package com.bookedbarber.api.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v2/analytics/locations/{id}/hourly-bookings}. Hours without appointments are
 * omitted; {@code as_of} is null until the first event of the location has been applied.
 */
public record HourlyBookingsView(
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("as_of") @JsonInclude(JsonInclude.Include.ALWAYS) Instant asOf,
        @JsonProperty("hours") List<Hour> hours) {

    public record Hour(
            @JsonProperty("date") LocalDate date,
            @JsonProperty("hour") int hour,
            @JsonProperty("booked") int booked,
            @JsonProperty("cancelled") int cancelled,
            @JsonProperty("completed") int completed,
            @JsonProperty("no_show") int noShow) {
    }
}
