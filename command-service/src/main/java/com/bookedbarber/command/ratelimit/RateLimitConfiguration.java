package com.bookedbarber.command.ratelimit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;

/** The {@code rateLimits:} section: requests per window for each group. */
public class RateLimitConfiguration {
    public static class Limit {
        @Min(1)
        @JsonProperty
        private int requests;

        @NotNull
        @JsonProperty
        private Duration per = Duration.minutes(1);

        public Limit() {
        }

        public Limit(int requests) {
            this.requests = requests;
        }

        public int getRequests() {
            return requests;
        }

        public Duration getPer() {
            return per;
        }
    }

    /** Off only for load tests that measure the system, not the limiter (RATE_LIMITS_ENABLED=false). */
    @JsonProperty
    private boolean enabled = true;

    /** Bound on the limiter's memory: counters kept at most. */
    @Min(1000)
    @JsonProperty
    private long maxKeys = 200_000;

    @Valid
    @NotNull
    @JsonProperty
    private Map<String, Limit> groups = new HashMap<>(Map.of(
            "auth", new Limit(10),
            "payments", new Limit(20),
            "appointments", new Limit(100),
            "analytics", new Limit(50),
            "public", new Limit(60)));

    public boolean isEnabled() {
        return enabled;
    }

    public long getMaxKeys() {
        return maxKeys;
    }

    public Map<String, Limit> getGroups() {
        return groups;
    }
}
