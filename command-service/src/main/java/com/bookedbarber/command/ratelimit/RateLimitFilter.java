package com.bookedbarber.command.ratelimit;

import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.errors.ErrorResponses;
import com.bookedbarber.command.filter.MeasuredFilter;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.time.Duration;

/**
 * Limits one group of routes: per authenticated user, else per client address. Runs after
 * authentication, so a user's requests share one budget from any address. Answers 429 with
 * {@code Retry-After}; every limited response carries the RateLimit-* headers.
 */
public final class RateLimitFilter extends MeasuredFilter {
    private static final String DECISION = "bookedbarber.rate_limit";

    private final RateLimiter limiter;
    private final String group;
    private final int limit;
    private final Duration window;
    private final Meter rejected;

    public RateLimitFilter(MetricRegistry metrics, RateLimiter limiter, String group,
                           RateLimitConfiguration.Limit limit) {
        super(metrics, "rate-limit");
        this.limiter = limiter;
        this.group = group;
        this.limit = limit.getRequests();
        this.window = limit.getPer().toJavaDuration();
        this.rejected = metrics.meter(MetricRegistry.name("rate-limit", group, "rejected"));
    }

    @Override
    protected void onRequest(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        String key = principal instanceof Caller caller ? "user:" + caller.userId()
                : "ip:" + request.getProperty(ClientAddressFilter.PROPERTY);
        RateLimiter.Decision decision = limiter.acquire(group, key, limit, window);
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            rejected.mark();
            Response response = ErrorResponses.of(request, 429, "rate_limited", "Too many requests; retry later", null);
            headers(response.getHeaders(), decision);
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, decision.resetSeconds());
            request.abortWith(response);
        }
    }

    @Override
    protected void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            headers(response.getHeaders(), decision);
        }
    }

    private static void headers(jakarta.ws.rs.core.MultivaluedMap<String, Object> headers, RateLimiter.Decision d) {
        headers.putSingle("RateLimit-Limit", d.limit());
        headers.putSingle("RateLimit-Remaining", d.remaining());
        headers.putSingle("RateLimit-Reset", d.resetSeconds());
    }
}
