package com.bookedbarber.api.appointments;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * {@code POST /api/v2/appointments}. {@code start} is RFC 3339 with an offset and whole minutes;
 * it is kept as text so that a malformed instant is reported as a field error (422).
 */
public record CreateAppointmentRequest(
        @JsonProperty("location_id") @NotNull UUID locationId,
        @JsonProperty("service_id") @NotNull UUID serviceId,
        @JsonProperty("start") @NotNull @Size(max = 64) String start,
        @JsonProperty("barber_id") UUID barberId,
        @JsonProperty("notes") @Size(max = 2000) String notes) {
}
