package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record MfaDisableRequest(
        @JsonProperty("password") @NotNull @Size(max = 1024) String password,
        @JsonProperty("code") @NotNull @Size(max = 32) String code) {
}
