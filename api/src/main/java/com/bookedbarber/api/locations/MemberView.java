package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.UUID;

public record MemberView(
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("role") String role,
        @JsonProperty("commission_rate") BigDecimal commissionRate) {
}
