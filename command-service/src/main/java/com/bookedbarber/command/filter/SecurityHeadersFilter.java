package com.bookedbarber.command.filter;

import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;

/** The contract's security headers on API responses (the server sends no Server header at all). */
public final class SecurityHeadersFilter extends MeasuredFilter {
    static final String CSP = "default-src 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    public SecurityHeadersFilter(MetricRegistry metrics) {
        super(metrics, "security-headers");
    }

    @Override
    protected void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        apply(response.getHeaders());
    }

    /** Also used for errors of requests that matched no resource (and so passed no filter). */
    public static void apply(MultivaluedMap<String, Object> headers) {
        headers.putSingle("Content-Security-Policy", CSP);
        headers.putSingle("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Cache-Control", headers.containsKey("Cache-Control") ? headers.getFirst("Cache-Control") : "no-store");
    }
}
