package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/** The refresh token; browser sessions may omit it and send the refresh cookie instead. */
public record RefreshRequest(@JsonProperty("refresh_token") @Size(max = 200) String refreshToken) {
}
