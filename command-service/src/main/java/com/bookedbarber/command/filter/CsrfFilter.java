package com.bookedbarber.command.filter;

import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.auth.CsrfTokens;
import com.bookedbarber.command.auth.TokenAuthFilter;
import com.bookedbarber.command.core.DomainException;
import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;

/**
 * A state-changing request authenticated by cookie must echo the session's CSRF token in
 * {@code X-CSRF-Token}; bearer requests need none (a browser never adds that header by itself).
 */
public final class CsrfFilter extends MeasuredFilter {
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfTokens tokens;

    public CsrfFilter(MetricRegistry metrics, CsrfTokens tokens) {
        super(metrics, "csrf");
        this.tokens = tokens;
    }

    @Override
    protected void onRequest(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getProperty(TokenAuthFilter.VIA_COOKIE) == null) {
            return;
        }
        Caller caller = (Caller) request.getSecurityContext().getUserPrincipal();
        if (caller == null || !tokens.matches(caller.sessionId(), request.getHeaderString(HEADER))) {
            throw DomainException.forbidden("csrf_failed", "Send the session's CSRF token in " + HEADER);
        }
    }
}
