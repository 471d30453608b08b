package com.bookedbarber.api.appointments;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code POST /api/v2/public/locations/{slug}/bookings}: a booking without an account. */
public record GuestBookingRequest(
        @JsonProperty("service_id") @NotNull UUID serviceId,
        @JsonProperty("start") @NotNull @Size(max = 64) String start,
        @JsonProperty("barber_id") UUID barberId,
        @JsonProperty("guest") @NotNull @Valid Guest guest) {

    public record Guest(
            @JsonProperty("name") @NotBlank @Size(max = 200) String name,
            @JsonProperty("email") @NotBlank @Size(max = 200) String email,
            @JsonProperty("phone") @Size(max = 40) String phone) {
    }
}
