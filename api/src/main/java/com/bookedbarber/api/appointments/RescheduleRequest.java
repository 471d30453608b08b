package com.bookedbarber.api.appointments;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

public record RescheduleRequest(
        @JsonProperty("start") @NotNull @Size(max = 64) String start,
        @JsonProperty("barber_id") UUID barberId) {
}
