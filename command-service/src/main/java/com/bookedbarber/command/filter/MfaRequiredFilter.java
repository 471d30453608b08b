package com.bookedbarber.command.filter;

import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.core.DomainException;
import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;

/** 401 {@code mfa_required} unless the caller's session passed a second factor. */
public final class MfaRequiredFilter extends MeasuredFilter {
    public MfaRequiredFilter(MetricRegistry metrics) {
        super(metrics, "mfa-required");
    }

    @Override
    protected void onRequest(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller) || !caller.mfaVerified()) {
            throw DomainException.unauthenticated("mfa_required", "This operation needs a session verified with MFA");
        }
    }
}
