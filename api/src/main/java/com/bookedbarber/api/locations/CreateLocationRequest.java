package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record CreateLocationRequest(
        @JsonProperty("name") @NotBlank @Size(max = 200) String name,
        @JsonProperty("slug") @NotBlank @Size(max = 100) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "must be lower-case letters and digits separated by single dashes") String slug,
        @JsonProperty("timezone") @NotBlank @Size(max = 64) String timezone,
        @JsonProperty("currency") @NotBlank @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO-4217 code")
        String currency,
        @JsonProperty("min_lead_minutes") @Min(0) @Max(10080) Integer minLeadMinutes,
        @JsonProperty("max_advance_days") @Min(1) @Max(730) Integer maxAdvanceDays,
        @JsonProperty("slot_minutes") @Min(5) @Max(240) Integer slotMinutes,
        @JsonProperty("cancellation_policy") @Valid CancellationPolicy cancellationPolicy) {
}
