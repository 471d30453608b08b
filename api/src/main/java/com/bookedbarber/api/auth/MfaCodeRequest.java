package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record MfaCodeRequest(@JsonProperty("code") @NotNull @Size(max = 32) String code) {
}
