package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

public record MeView(
        @JsonProperty("id") UUID id,
        @JsonProperty("email") String email,
        @JsonProperty("name") String name,
        @JsonProperty("mfa_enabled") boolean mfaEnabled,
        @JsonProperty("memberships") List<Membership> memberships) {

    public record Membership(@JsonProperty("location_id") UUID locationId, @JsonProperty("role") String role) {
    }
}
