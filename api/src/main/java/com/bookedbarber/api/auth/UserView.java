package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

public record UserView(
        @JsonProperty("id") UUID id,
        @JsonProperty("email") String email,
        @JsonProperty("name") String name,
        @JsonProperty("phone") String phone) {
}
