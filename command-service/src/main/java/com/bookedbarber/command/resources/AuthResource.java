package com.bookedbarber.command.resources;

import com.bookedbarber.api.auth.LoginRequest;
import com.bookedbarber.api.auth.MeView;
import com.bookedbarber.api.auth.MfaChallengeResponse;
import com.bookedbarber.api.auth.RefreshRequest;
import com.bookedbarber.api.auth.RegisterRequest;
import com.bookedbarber.api.auth.TokenResponse;
import com.bookedbarber.api.auth.UserView;
import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.auth.CsrfTokens;
import com.bookedbarber.command.auth.TokenAuthFilter;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.ratelimit.EmailRateLimit;
import com.bookedbarber.command.db.UserDao;
import com.bookedbarber.command.service.AuthService;
import com.bookedbarber.command.idempotency.Idempotent;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import com.bookedbarber.command.ratelimit.RateLimited;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

@Path("/api/v2/auth")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("auth")
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthResource {
    static final String REFRESH_COOKIE = "__Host-bb_refresh";
    static final String CSRF_COOKIE = "__Host-bb_csrf";

    private final AuthService auth;
    private final Jdbi primary;
    private final CsrfTokens csrf;
    private final Duration sessionLifetime;
    private final EmailRateLimit emailLimit;

    public AuthResource(AuthService auth, Jdbi primary, CsrfTokens csrf, Duration sessionLifetime,
                        EmailRateLimit emailLimit) {
        this.auth = auth;
        this.primary = primary;
        this.csrf = csrf;
        this.sessionLifetime = sessionLifetime;
        this.emailLimit = emailLimit;
    }

    @POST
    @Path("register")
    @Idempotent
    @Timed
    public Response register(@NotNull @Valid RegisterRequest request) {
        emailLimit.check(request.email());
        var tokens = auth.register(request.email(), request.password(), request.name(), request.phone());
        return Response.status(201).entity(bearer(tokens)).build();
    }

    @POST
    @Path("login")
    @Timed
    public Response login(@NotNull @Valid LoginRequest request, @QueryParam("session") String mode) {
        boolean cookies = cookieMode(mode);
        emailLimit.check(request.email());
        var result = auth.login(request.email(), request.password());
        if (result.mfaToken() != null) {
            return Response.ok(new MfaChallengeResponse(true, result.mfaToken())).build();
        }
        return cookies ? withCookies(result.tokens()) : Response.ok(bearer(result.tokens())).build();
    }

    @POST
    @Path("refresh")
    @Timed
    public Response refresh(@Valid RefreshRequest request, @CookieParam(REFRESH_COOKIE) String refreshCookie) {
        String fromBody = request == null ? null : request.refreshToken();
        if (fromBody == null && refreshCookie != null) {
            // browser mode: the rotated pair goes back into cookies
            return withCookies(auth.refresh(refreshCookie));
        }
        return Response.ok(bearer(auth.refresh(fromBody))).build();
    }

    @POST
    @Path("logout")
    @Timed
    public Response logout(@Auth Caller caller) {
        auth.logout(caller.sessionId());
        return Response.noContent()
                .cookie(expired(TokenAuthFilter.ACCESS_COOKIE), expired(REFRESH_COOKIE), expired(CSRF_COOKIE))
                .build();
    }

    @GET
    @Path("me")
    @Timed
    public MeView me(@Auth Caller caller) {
        return primary.withExtension(UserDao.class, dao -> {
            UserDao.User user = dao.find(caller.userId()).orElseThrow(() -> DomainException.notFound("User"));
            return new MeView(user.id(), user.email(), user.name(), user.mfaEnabled(), dao.memberships(user.id())
                    .stream().map(m -> new MeView.Membership(m.locationId(), m.role())).toList());
        });
    }

    static TokenResponse bearer(AuthService.Tokens tokens) {
        return new TokenResponse(userView(tokens.user()), tokens.accessToken(), tokens.refreshToken(), "Bearer",
                tokens.expiresInSeconds(), null);
    }

    /** Browser mode: tokens in HttpOnly __Host- cookies, the CSRF token readable in a cookie and the body. */
    Response withCookies(AuthService.Tokens tokens) {
        String csrfToken = csrf.tokenFor(tokens.sessionId());
        return Response.ok(new TokenResponse(userView(tokens.user()), null, null, null, tokens.expiresInSeconds(),
                        csrfToken))
                .cookie(cookie(TokenAuthFilter.ACCESS_COOKIE, tokens.accessToken(), (int) tokens.expiresInSeconds(), true),
                        cookie(REFRESH_COOKIE, tokens.refreshToken(), (int) sessionLifetime.toSeconds(), true),
                        cookie(CSRF_COOKIE, csrfToken, (int) sessionLifetime.toSeconds(), false))
                .build();
    }

    static boolean cookieMode(String mode) {
        if (mode == null) {
            return false;
        }
        if (!mode.equals("cookie")) {
            throw DomainException.malformedField("session", "must be 'cookie' or absent");
        }
        return true;
    }

    private static UserView userView(UserDao.User user) {
        return new UserView(user.id(), user.email(), user.name(), user.phone());
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean httpOnly) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).secure(true).httpOnly(httpOnly)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).secure(true).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
