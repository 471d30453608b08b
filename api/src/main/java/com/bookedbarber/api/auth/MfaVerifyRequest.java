package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The second step of an MFA login: a TOTP code or one of the backup codes. */
public record MfaVerifyRequest(
        @JsonProperty("mfa_token") @NotNull @Size(max = 4096) String mfaToken,
        @JsonProperty("code") @NotNull @Size(max = 32) String code) {
}
