package com.bookedbarber.command.auth;

import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.filter.LogContext;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dropwizard.auth.AuthFilter;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Authenticates by {@code Authorization: Bearer <access token>} or, for browsers, the
 * {@code __Host-bb_access} cookie. Bound (by Dropwizard's AuthDynamicFeature) only to resource
 * methods that take an {@code @Auth Caller}. Failures are the contract's 401 error body.
 */
@Priority(Priorities.AUTHENTICATION)
public final class TokenAuthFilter extends AuthFilter<String, Caller> {
    public static final String ACCESS_COOKIE = "__Host-bb_access";
    /** Request property set when the credentials came from a cookie (CSRF applies then). */
    public static final String VIA_COOKIE = "bookedbarber.auth_via_cookie";

    private Timer timer;

    @Override
    public void filter(ContainerRequestContext request) {
        long start = System.nanoTime();
        try {
            authenticateRequest(request);
        } finally {
            if (timer != null) {
                timer.update(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void authenticateRequest(ContainerRequestContext request) {
        String token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            Cookie cookie = request.getCookies().get(ACCESS_COOKIE);
            if (cookie != null && !cookie.getValue().isEmpty()) {
                token = cookie.getValue();
                request.setProperty(VIA_COOKIE, Boolean.TRUE);
            }
        }
        if (token == null) {
            throw DomainException.unauthenticated("unauthenticated", "Authentication required");
        }
        if (!authenticate(request, token, "Bearer")) {
            throw DomainException.unauthenticated("invalid_token", "The access token is invalid, expired or revoked");
        }
        if (request.getSecurityContext().getUserPrincipal() instanceof Caller caller) {
            LogContext.user(caller.userId());
        }
    }

    private static String bearer(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
            return null;
        }
        String token = header.substring(space + 1).trim();
        return token.isEmpty() ? null : token;
    }

    public static final class Builder extends AuthFilterBuilder<String, Caller, TokenAuthFilter> {
        private final Timer timer;

        /** The filter records its cost in {@code filters.authentication}, like the other filters. */
        public Builder(MetricRegistry metrics) {
            this.timer = metrics.timer("filters.authentication");
        }

        @Override
        protected TokenAuthFilter newInstance() {
            TokenAuthFilter filter = new TokenAuthFilter();
            filter.timer = timer;
            return filter;
        }
    }
}
