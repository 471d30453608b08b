package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Login of an account with MFA: no tokens yet, a short-lived {@code mfa_token} to verify a code with. */
public record MfaChallengeResponse(
        @JsonProperty("mfa_required") boolean mfaRequired,
        @JsonProperty("mfa_token") String mfaToken) {
}
