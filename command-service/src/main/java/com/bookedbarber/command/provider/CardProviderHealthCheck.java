package com.bookedbarber.command.provider;

import com.codahale.metrics.health.HealthCheck;

/** Unhealthy while the breaker is open: card payments are refused, cash payments still work. */
public final class CardProviderHealthCheck extends HealthCheck {
    private final CardGateway gateway;

    public CardProviderHealthCheck(CardGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    protected Result check() {
        return switch (gateway.breakerState()) {
            case 0 -> Result.healthy("circuit closed");
            case 1 -> Result.healthy("circuit half-open: probing the provider");
            default -> Result.unhealthy("circuit open: card payments answer 503");
        };
    }
}
