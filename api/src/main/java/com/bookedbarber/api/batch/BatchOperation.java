package com.bookedbarber.api.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * One call of a batch. {@code path} is an API path with its query ({@code /api/v2/...}); {@code
 * headers} may carry the per-call headers {@code Idempotency-Key}, {@code If-Match} and {@code
 * If-None-Match} (credentials always come from the batch request itself).
 */
public record BatchOperation(
        @JsonProperty("id") @NotBlank @Size(max = 100) String id,
        @JsonProperty("method") @NotBlank @Pattern(regexp = "GET|POST|PUT|PATCH|DELETE") String method,
        @JsonProperty("path") @NotBlank @Size(max = 2000) @Pattern(regexp = "/api/v2/.*") String path,
        @JsonProperty("body") JsonNode body,
        @JsonProperty("headers") Map<@NotBlank String, @NotNull @Size(max = 255) String> headers) {
}
