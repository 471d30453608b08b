package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v2/auth/register}. Password rules (length, common passwords) are checked by the service. */
public record RegisterRequest(
        @JsonProperty("email") @NotBlank @Size(max = 200) String email,
        @JsonProperty("password") @NotNull @Size(max = 1024) String password,
        @JsonProperty("name") @NotBlank @Size(max = 200) String name,
        @JsonProperty("phone") @Size(max = 40) String phone) {
}
