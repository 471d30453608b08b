package com.bookedbarber.api.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v2/analytics/locations/{id}/summary?from&to}: the figures an owner asks for,
 * compared with the previous period of the same length. Rates are fractions of all appointments
 * starting in the range (null when there were none); change is null when the previous net was 0.
 */
public record SummaryView(
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("currency") String currency,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("as_of") @JsonInclude(JsonInclude.Include.ALWAYS) Instant asOf,
        @JsonProperty("from") LocalDate from,
        @JsonProperty("to") LocalDate to,
        @JsonProperty("gross_cents") long grossCents,
        @JsonProperty("refunded_cents") long refundedCents,
        @JsonProperty("net_cents") long netCents,
        @JsonProperty("previous_net_cents") long previousNetCents,
        @JsonProperty("net_change_ratio") @JsonInclude(JsonInclude.Include.ALWAYS) Double netChangeRatio,
        @JsonProperty("appointments") long appointments,
        @JsonProperty("cancellation_rate") @JsonInclude(JsonInclude.Include.ALWAYS) Double cancellationRate,
        @JsonProperty("no_show_rate") @JsonInclude(JsonInclude.Include.ALWAYS) Double noShowRate,
        @JsonProperty("busiest_hours") List<BusyHour> busiestHours) {

    /** A local hour of the day and the appointments (not cancelled) that started in it over the range. */
    public record BusyHour(@JsonProperty("hour") int hour, @JsonProperty("appointments") long appointments) {
    }
}
