package com.bookedbarber.api.appointments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of appointments; {@code next_cursor} is null on the last page. */
public record AppointmentPage(
        @JsonProperty("items") List<AppointmentView> items,
        @JsonProperty("next_cursor") @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
