package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A weekly window, ISO day of week (Monday = 1), wall-clock "HH:MM" in the location's zone. */
public record HoursWindow(
        @JsonProperty("day_of_week") @NotNull @Min(1) @Max(7) Integer dayOfWeek,
        @JsonProperty("start") @NotNull @Pattern(regexp = "^([01]\\d|2[0-3]):[0-5]\\d$", message = "must be HH:MM")
        String start,
        @JsonProperty("end") @NotNull @Pattern(regexp = "^([01]\\d|2[0-3]):[0-5]\\d$", message = "must be HH:MM")
        String end) {
}
