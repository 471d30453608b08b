package com.bookedbarber.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code data} of every payment event: the payment after the change, with the location's IANA
 * {@code timezone} (the local day revenue counts on). The refund fields are set on
 * {@code PaymentRefunded} only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentEventData(
        @JsonProperty("payment_id") UUID paymentId,
        @JsonProperty("appointment_id") UUID appointmentId,
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("barber_id") UUID barberId,
        @JsonProperty("method") String method,
        @JsonProperty("status") String status,
        @JsonProperty("amount_cents") long amountCents,
        @JsonProperty("tip_cents") long tipCents,
        @JsonProperty("currency") String currency,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("platform_fee_cents") long platformFeeCents,
        @JsonProperty("barber_amount_cents") long barberAmountCents,
        @JsonProperty("refunded_cents") long refundedCents,
        @JsonProperty("completed_at") Instant completedAt,
        @JsonProperty("refund_id") UUID refundId,
        @JsonProperty("refund_amount_cents") Long refundAmountCents,
        @JsonProperty("refunded_total_cents") Long refundedTotalCents,
        @JsonProperty("refunded_at") Instant refundedAt) {
}
