package com.bookedbarber.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code data} of every appointment event: the appointment after the change. Contact details
 * (e-mail, phone) are never part of an event. {@code previous_start} and
 * {@code previous_barber_id} are set on {@code AppointmentRescheduled} only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppointmentEventData(
        @JsonProperty("appointment_id") UUID appointmentId,
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("barber_id") UUID barberId,
        @JsonProperty("service_id") UUID serviceId,
        @JsonProperty("client_id") @JsonInclude(JsonInclude.Include.ALWAYS) UUID clientId,
        @JsonProperty("start") Instant start,
        @JsonProperty("end") Instant end,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("status") String status,
        @JsonProperty("price_cents") long priceCents,
        @JsonProperty("currency") String currency,
        @JsonProperty("previous_start") Instant previousStart,
        @JsonProperty("previous_barber_id") UUID previousBarberId) {
}
