package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record CreateServiceRequest(
        @JsonProperty("name") @NotBlank @Size(max = 200) String name,
        @JsonProperty("duration_minutes") @NotNull @Min(5) @Max(480) Integer durationMinutes,
        @JsonProperty("price_cents") @NotNull @Min(0) @Max(100_000_000) Long priceCents,
        @JsonProperty("buffer_minutes") @Min(0) @Max(120) Integer bufferMinutes) {
}
