package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record TimeOffRequest(
        @JsonProperty("start") @NotNull @Size(max = 64) String start,
        @JsonProperty("end") @NotNull @Size(max = 64) String end,
        @JsonProperty("reason") @Size(max = 2000) String reason) {
}
