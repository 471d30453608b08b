package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

public record ServiceView(
        @JsonProperty("id") UUID id,
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("name") String name,
        @JsonProperty("duration_minutes") int durationMinutes,
        @JsonProperty("price_cents") long priceCents,
        @JsonProperty("buffer_minutes") int bufferMinutes,
        @JsonProperty("currency") String currency) {
}
