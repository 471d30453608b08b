package com.bookedbarber.api.payments;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v2/payments/{id}/refunds}: give back part or all of the refundable remainder. */
public record CreateRefundRequest(
        @JsonProperty("amount_cents") @NotNull @Min(1) Long amountCents,
        @JsonProperty("reason") @Size(max = 2000) String reason) {
}
