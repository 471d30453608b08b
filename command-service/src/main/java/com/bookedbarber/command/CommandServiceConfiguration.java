package com.bookedbarber.command;

import com.bookedbarber.command.auth.AuthConfiguration;
import com.bookedbarber.command.outbox.OutboxConfiguration;
import com.bookedbarber.command.provider.CardProviderConfiguration;
import com.bookedbarber.command.ratelimit.RateLimitConfiguration;
import com.bookedbarber.platform.ServiceConfiguration;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The command service: its read data source, outbox, auth, rate limits, card provider and request bounds. */
public class CommandServiceConfiguration extends ServiceConfiguration {
    /** Where analytics read the projections; may point at a replica of the primary. */
    @Valid
    @NotNull
    @JsonProperty
    private DataSourceFactory readDatabase = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    private OutboxConfiguration outbox = new OutboxConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private AuthConfiguration auth = new AuthConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private RateLimitConfiguration rateLimits = new RateLimitConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private CardProviderConfiguration cardProvider;

    /** Card refunds still pending after this long are sent to the provider again. */
    @NotNull
    @JsonProperty
    private Duration refundRetryEvery = Duration.seconds(30);

    /** Largest request body accepted (413 beyond). */
    @Min(1024)
    @JsonProperty
    private long maxBodyBytes = 64 * 1024;

    /** Longest a command waits for a row or constraint lock before answering 503. */
    @NotNull
    @JsonProperty
    private Duration lockTimeout = Duration.seconds(2);

    /** How long an instance may serve location settings, services and hours from its cache. */
    @NotNull
    @JsonProperty
    private Duration catalogCacheTtl = Duration.seconds(30);

    /** Idempotency keys are kept this long (the contract promises at least 24 h). */
    @NotNull
    @JsonProperty
    private Duration idempotencyRetention = Duration.hours(24);

    /** The projection-lag health check fails beyond this. */
    @NotNull
    @JsonProperty
    private Duration maxProjectionLag = Duration.seconds(30);

    public DataSourceFactory getReadDatabase() {
        return readDatabase;
    }

    public OutboxConfiguration getOutbox() {
        return outbox;
    }

    public RateLimitConfiguration getRateLimits() {
        return rateLimits;
    }

    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public AuthConfiguration getAuth() {
        return auth;
    }

    public CardProviderConfiguration getCardProvider() {
        return cardProvider;
    }

    public Duration getRefundRetryEvery() {
        return refundRetryEvery;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public Duration getIdempotencyRetention() {
        return idempotencyRetention;
    }

    @jakarta.validation.constraints.AssertTrue(message = "idempotencyRetention must be at least 24 hours")
    boolean isIdempotencyRetentionLongEnough() {
        return idempotencyRetention.toHours() >= 24;
    }

    public Duration getCatalogCacheTtl() {
        return catalogCacheTtl;
    }

    public Duration getMaxProjectionLag() {
        return maxProjectionLag;
    }
}
