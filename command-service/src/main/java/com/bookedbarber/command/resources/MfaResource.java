package com.bookedbarber.command.resources;

import com.bookedbarber.api.auth.MfaCodeRequest;
import com.bookedbarber.api.auth.MfaDisableRequest;
import com.bookedbarber.api.auth.MfaSetupResponse;
import com.bookedbarber.api.auth.MfaStatus;
import com.bookedbarber.api.auth.MfaVerifyRequest;
import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.auth.TokenService;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.ratelimit.RateLimited;
import com.bookedbarber.command.service.AuthService;
import com.bookedbarber.command.service.MfaService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

@Path("/api/v2/auth/mfa")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RateLimited("auth")
public final class MfaResource {
    private final MfaService mfa;
    private final AuthService auth;
    private final TokenService tokens;
    private final AuthResource sessions;

    public MfaResource(MfaService mfa, AuthService auth, TokenService tokens, AuthResource sessions) {
        this.mfa = mfa;
        this.auth = auth;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** Second step of an MFA login; the new session is MFA-verified (amr contains "otp"). */
    @POST
    @Path("verify")
    @Timed
    public Response verify(@NotNull @Valid MfaVerifyRequest request, @QueryParam("session") String mode) {
        boolean cookies = AuthResource.cookieMode(mode);
        UUID userId = tokens.verifyMfaChallenge(request.mfaToken())
                .orElseThrow(() -> DomainException.unauthenticated("invalid_mfa_token", "The MFA token is invalid or expired"));
        mfa.verify(userId, request.code());
        var opened = auth.openMfaSession(userId);
        return cookies ? sessions.withCookies(opened) : Response.ok(AuthResource.bearer(opened)).build();
    }

    @POST
    @Path("setup")
    @Timed
    public MfaSetupResponse setup(@Auth Caller caller) {
        var setup = mfa.setup(caller.userId());
        return new MfaSetupResponse(setup.secret(), setup.otpauthUri(), setup.backupCodes());
    }

    @POST
    @Path("enable")
    @Timed
    public MfaStatus enable(@Auth Caller caller, @NotNull @Valid MfaCodeRequest request) {
        mfa.enable(caller.userId(), request.code());
        return new MfaStatus(true);
    }

    @POST
    @Path("disable")
    @Timed
    public MfaStatus disable(@Auth Caller caller, @NotNull @Valid MfaDisableRequest request) {
        mfa.disable(caller.userId(), request.password(), request.code());
        return new MfaStatus(false);
    }
}
