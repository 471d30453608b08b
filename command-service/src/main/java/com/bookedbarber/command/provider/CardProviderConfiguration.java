package com.bookedbarber.command.provider;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The {@code cardProvider:} section: where Stripe's API is (tests and staging point it at a
 * local server), its keys, and the resilience policy around every call.
 */
public class CardProviderConfiguration {
    @NotEmpty
    @JsonProperty
    private String apiBase = "https://api.stripe.com";

    @NotEmpty
    @JsonProperty
    private String secretKey;

    /** Webhook signing secrets; more than one while a secret is being rotated. */
    @NotEmpty
    @JsonProperty
    private List<@NotEmpty String> webhookSecrets;

    @NotNull
    @JsonProperty
    private Duration webhookTolerance = Duration.seconds(300);

    /** One attempt's limit (connect plus read); the caller waits at most attempts x this. */
    @NotNull
    @JsonProperty
    private Duration attemptTimeout = Duration.seconds(3);

    /** Retries after the first attempt, only for calls made safe by an Idempotency-Key. */
    @Min(0)
    @Max(5)
    @JsonProperty
    private int retries = 2;

    @NotNull
    @JsonProperty
    private Duration retryDelay = Duration.milliseconds(100);

    @NotNull
    @JsonProperty
    private Duration maxRetryDelay = Duration.seconds(1);

    /** The breaker opens when this share of the calls in the last {@code breakerPeriod} failed... */
    @Min(1)
    @Max(100)
    @JsonProperty
    private int breakerFailurePercent = 50;

    @NotNull
    @JsonProperty
    private Duration breakerPeriod = Duration.seconds(60);

    /** ...once at least this many calls were made in the window. */
    @Min(1)
    @Max(1000)
    @JsonProperty
    private int breakerMinimumCalls = 10;

    /** How long it stays open before letting probes through (half-open). */
    @NotNull
    @JsonProperty
    private Duration breakerOpenFor = Duration.seconds(30);

    @Min(1)
    @Max(100)
    @JsonProperty
    private int breakerHalfOpenProbes = 3;

    /** Concurrent provider calls at most; more fail fast instead of tying up request threads. */
    @Min(1)
    @Max(1000)
    @JsonProperty
    private int maxConcurrentCalls = 16;

    public String getApiBase() {
        return apiBase;
    }

    public void setApiBase(String apiBase) {
        this.apiBase = apiBase;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public List<String> getWebhookSecrets() {
        return webhookSecrets;
    }

    public Duration getWebhookTolerance() {
        return webhookTolerance;
    }

    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    public int getRetries() {
        return retries;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public int getBreakerFailurePercent() {
        return breakerFailurePercent;
    }

    public Duration getBreakerPeriod() {
        return breakerPeriod;
    }

    public int getBreakerMinimumCalls() {
        return breakerMinimumCalls;
    }

    public Duration getBreakerOpenFor() {
        return breakerOpenFor;
    }

    public void setBreakerOpenFor(Duration breakerOpenFor) {
        this.breakerOpenFor = breakerOpenFor;
    }

    public int getBreakerHalfOpenProbes() {
        return breakerHalfOpenProbes;
    }

    public int getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }
}
