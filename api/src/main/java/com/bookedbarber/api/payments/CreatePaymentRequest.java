package com.bookedbarber.api.payments;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** {@code POST /api/v2/payments}: pay an appointment's price plus an optional tip. */
public record CreatePaymentRequest(
        @JsonProperty("appointment_id") @NotNull UUID appointmentId,
        @JsonProperty("method") @NotNull @Pattern(regexp = "card|cash", message = "must be card or cash") String method,
        @JsonProperty("tip_cents") @Min(0) @Max(10_000_000) Long tipCents) {
}
