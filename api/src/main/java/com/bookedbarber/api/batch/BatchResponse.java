package com.bookedbarber.api.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of a batch: one result per operation, in the order given. */
public record BatchResponse(@JsonProperty("results") List<BatchResult> results) {
}
