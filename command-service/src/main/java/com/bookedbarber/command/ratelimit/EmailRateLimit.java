package com.bookedbarber.command.ratelimit;

import com.bookedbarber.command.core.DomainException;
import java.util.Locale;

/**
 * The auth group's second key: attempts per e-mail address, whatever address they come from,
 * so credential stuffing against one account is slowed even from many clients.
 */
public final class EmailRateLimit {
    private final RateLimiter limiter;
    private final RateLimitConfiguration.Limit limit;

    /** {@code limit} null when rate limiting is disabled. */
    public EmailRateLimit(RateLimiter limiter, RateLimitConfiguration.Limit limit) {
        this.limiter = limiter;
        this.limit = limit;
    }

    public void check(String email) {
        if (limit == null || email == null) {
            return;
        }
        RateLimiter.Decision decision = limiter.acquire("auth-email", email.trim().toLowerCase(Locale.ROOT),
                limit.getRequests(), limit.getPer().toJavaDuration());
        if (!decision.allowed()) {
            throw DomainException.rateLimited(decision.resetSeconds());
        }
    }
}
