package com.bookedbarber.api.appointments;

import com.bookedbarber.api.payments.RefundView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * An appointment as the API shows it: instants in UTC plus the location's wall time. {@code refund}
 * is present only in the answer to a cancellation that refunded a payment.
 */
public record AppointmentView(
        @JsonProperty("id") UUID id,
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("barber_id") UUID barberId,
        @JsonProperty("service_id") UUID serviceId,
        @JsonProperty("client_id") @JsonInclude(JsonInclude.Include.ALWAYS) UUID clientId,
        @JsonProperty("start") Instant start,
        @JsonProperty("end") Instant end,
        @JsonProperty("local_start") LocalDateTime localStart,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("status") String status,
        @JsonProperty("price_cents") long priceCents,
        @JsonProperty("currency") String currency,
        @JsonProperty("version") int version,
        @JsonProperty("confirmation_code") String confirmationCode,
        @JsonProperty("notes") String notes,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("refund") @JsonInclude(JsonInclude.Include.NON_NULL) RefundView refund) {
}
