package com.bookedbarber.api.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v2/analytics/locations/{id}/daily-revenue}: every local day of the range, zeros
 * included, in the location's currency; gross counts a payment (tip included) on the local day it
 * completed, a refund on the local day it was made.
 */
public record DailyRevenueView(
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("currency") String currency,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("as_of") @JsonInclude(JsonInclude.Include.ALWAYS) Instant asOf,
        @JsonProperty("days") List<Day> days,
        @JsonProperty("totals") Totals totals) {

    public record Day(
            @JsonProperty("date") LocalDate date,
            @JsonProperty("gross_cents") long grossCents,
            @JsonProperty("refunded_cents") long refundedCents,
            @JsonProperty("net_cents") long netCents,
            @JsonProperty("payments") int payments,
            @JsonProperty("refunds") int refunds) {
    }

    public record Totals(
            @JsonProperty("gross_cents") long grossCents,
            @JsonProperty("refunded_cents") long refundedCents,
            @JsonProperty("net_cents") long netCents,
            @JsonProperty("payments") long payments,
            @JsonProperty("refunds") long refunds) {
    }
}
