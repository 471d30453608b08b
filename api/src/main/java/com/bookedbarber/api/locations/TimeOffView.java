package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

public record TimeOffView(
        @JsonProperty("id") UUID id,
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("barber_id") UUID barberId,
        @JsonProperty("start") Instant start,
        @JsonProperty("end") Instant end,
        @JsonProperty("reason") String reason) {
}
