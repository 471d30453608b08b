package com.bookedbarber.api.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of payments, newest last; {@code next_cursor} is null on the last page. */
public record PaymentPage(
        @JsonProperty("items") List<PaymentView> items,
        @JsonProperty("next_cursor") @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
