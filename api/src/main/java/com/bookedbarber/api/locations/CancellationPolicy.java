package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Cancelled at least {@code full_refund_hours} ahead: full refund; later: {@code late_refund_percent}. */
public record CancellationPolicy(
        @JsonProperty("full_refund_hours") @Min(0) @Max(8760) Integer fullRefundHours,
        @JsonProperty("late_refund_percent") @Min(0) @Max(100) Integer lateRefundPercent) {
}
