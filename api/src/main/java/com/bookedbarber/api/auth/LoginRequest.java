package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record LoginRequest(
        @JsonProperty("email") @NotNull @Size(max = 200) String email,
        @JsonProperty("password") @NotNull @Size(max = 1024) String password) {
}
