package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

public record MfaStatus(@JsonProperty("mfa_enabled") boolean mfaEnabled) {
}
