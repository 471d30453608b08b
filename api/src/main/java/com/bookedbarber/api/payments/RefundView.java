package com.bookedbarber.api.payments;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A refund. {@code status} is {@code succeeded}, {@code failed}, or {@code pending} while the card
 * provider has not confirmed it yet (it is then retried until it has).
 */
public record RefundView(
        @JsonProperty("id") UUID id,
        @JsonProperty("payment_id") UUID paymentId,
        @JsonProperty("amount_cents") long amountCents,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") Instant createdAt) {
}
