package com.bookedbarber.api.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment. {@code client_secret} is present only in the answer to a card payment's creation
 * (the browser confirms the card with it at the provider; card details never reach us).
 */
public record PaymentView(
        @JsonProperty("id") UUID id,
        @JsonProperty("appointment_id") UUID appointmentId,
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("barber_id") UUID barberId,
        @JsonProperty("method") String method,
        @JsonProperty("status") String status,
        @JsonProperty("amount_cents") long amountCents,
        @JsonProperty("tip_cents") long tipCents,
        @JsonProperty("currency") String currency,
        @JsonProperty("platform_fee_cents") long platformFeeCents,
        @JsonProperty("barber_amount_cents") long barberAmountCents,
        @JsonProperty("refunded_cents") long refundedCents,
        @JsonProperty("client_secret") @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("completed_at") Instant completedAt) {
}
