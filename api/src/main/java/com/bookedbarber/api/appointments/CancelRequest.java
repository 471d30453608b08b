package com.bookedbarber.api.appointments;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

public record CancelRequest(@JsonProperty("reason") @Size(max = 2000) String reason) {
}
