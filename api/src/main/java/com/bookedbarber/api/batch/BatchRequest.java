package com.bookedbarber.api.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/v2/batch}: up to 50 API calls in one request, each run as if sent on its own. */
public record BatchRequest(
        @JsonProperty("operations") @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid BatchOperation> operations) {
}
