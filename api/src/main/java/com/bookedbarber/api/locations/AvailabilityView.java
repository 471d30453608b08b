package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

public record AvailabilityView(
        @JsonProperty("date") LocalDate date,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("slots") List<Slot> slots) {

    public record Slot(
            @JsonProperty("start") Instant start,
            @JsonProperty("local_start") LocalDateTime localStart,
            @JsonProperty("barber_id") UUID barberId) {
    }
}
