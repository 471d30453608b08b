package com.bookedbarber.command.filter;

import com.bookedbarber.command.auth.CsrfTokens;
import com.bookedbarber.command.ratelimit.ClientAddressFilter;
import com.bookedbarber.command.ratelimit.RateLimitConfiguration;
import com.bookedbarber.command.ratelimit.RateLimitFilter;
import com.bookedbarber.command.ratelimit.RateLimited;
import com.bookedbarber.command.ratelimit.RateLimiter;
import com.bookedbarber.command.idempotency.Idempotent;
import com.bookedbarber.command.idempotency.IdempotencyFilter;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Binds filters to resource methods one by one instead of one global stack: each method gets
 * exactly what it needs (request id and security headers for every API method, body limits
 * where there is a body, CSRF where a cookie can authenticate, the rate limit of its group, MFA
 * and idempotency keys where annotated), and {@link Unfiltered} methods get none. Authentication itself is bound by
 * Dropwizard's AuthDynamicFeature to methods taking {@code @Auth}.
 */
public final class ApiFilterFeature implements DynamicFeature {
    private final RequestIdFilter requestId;
    private final SecurityHeadersFilter securityHeaders;
    private final RequestLimitsFilter requestLimits;
    private final CsrfFilter csrf;
    private final MfaRequiredFilter mfaRequired;
    private final MetricRegistry metrics;
    private final RateLimitConfiguration rateLimits;
    private final RateLimiter limiter;
    private final IdempotencyFilter idempotent;
    private final IdempotencyFilter idempotentRequired;

    public ApiFilterFeature(MetricRegistry metrics, CsrfTokens csrfTokens, long maxBodyBytes,
                            RateLimitConfiguration rateLimits, RateLimiter limiter, Jdbi primary, Clock clock) {
        this.metrics = metrics;
        this.requestId = new RequestIdFilter(metrics);
        this.securityHeaders = new SecurityHeadersFilter(metrics);
        this.requestLimits = new RequestLimitsFilter(metrics, maxBodyBytes);
        this.csrf = new CsrfFilter(metrics, csrfTokens);
        this.mfaRequired = new MfaRequiredFilter(metrics);
        this.rateLimits = rateLimits;
        this.limiter = limiter;
        this.idempotent = new IdempotencyFilter(metrics, primary, false, clock, Duration.ofMinutes(1));
        this.idempotentRequired = new IdempotencyFilter(metrics, primary, true, clock, Duration.ofMinutes(1));
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(Unfiltered.class) || type.isAnnotationPresent(Unfiltered.class)) {
            return;
        }
        context.register(requestId, Priorities.AUTHENTICATION - 500);
        context.register(securityHeaders, Priorities.HEADER_DECORATOR);
        if (method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                || method.isAnnotationPresent(PATCH.class)) {
            context.register(requestLimits, Priorities.AUTHENTICATION - 400);
        }
        if (takesAuth(method)) {
            context.register(csrf, Priorities.AUTHORIZATION);
        }
        if (method.isAnnotationPresent(MfaRequired.class) || type.isAnnotationPresent(MfaRequired.class)) {
            context.register(mfaRequired, Priorities.AUTHORIZATION + 10);
        }
        Idempotent idempotency = method.getAnnotation(Idempotent.class);
        if (idempotency != null) {
            // after authentication and rate limits, so the key is scoped to the caller
            context.register(idempotency.required() ? idempotentRequired : idempotent, Priorities.USER);
        }
        RateLimited group = method.isAnnotationPresent(RateLimited.class) ? method.getAnnotation(RateLimited.class)
                : type.getAnnotation(RateLimited.class);
        if (group != null && rateLimits.isEnabled()) {
            RateLimitConfiguration.Limit limit = rateLimits.getGroups().get(group.value());
            if (limit == null) {
                throw new IllegalStateException("no rate limit configured for group " + group.value());
            }
            context.register(ClientAddressFilter.class, Priorities.AUTHENTICATION - 300);
            context.register(new RateLimitFilter(metrics, limiter, group.value(), limit), Priorities.AUTHORIZATION + 100);
        }
    }

    /** Whether the method authenticates its caller (has an {@code @Auth} parameter). */
    public static boolean takesAuth(Method method) {
        return Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                .map(Annotation::annotationType).anyMatch(Auth.class::equals);
    }
}
