package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

public record LocationView(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("slug") String slug,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("currency") String currency,
        @JsonProperty("min_lead_minutes") int minLeadMinutes,
        @JsonProperty("max_advance_days") int maxAdvanceDays,
        @JsonProperty("slot_minutes") int slotMinutes,
        @JsonProperty("cancellation_policy") CancellationPolicy cancellationPolicy) {
}
