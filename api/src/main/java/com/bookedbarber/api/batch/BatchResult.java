package com.bookedbarber.api.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One operation's outcome: the status and JSON body it would have had on its own (null for an
 * empty body), plus the response headers a client acts on (Location, ETag, Retry-After,
 * Idempotent-Replayed, RateLimit-*), when present.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BatchResult(
        @JsonProperty("id") String id,
        @JsonProperty("status") int status,
        @JsonProperty("body") @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode body,
        @JsonProperty("headers") Map<String, String> headers) {
}
