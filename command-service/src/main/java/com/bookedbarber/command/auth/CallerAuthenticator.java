package com.bookedbarber.command.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/** An access token is valid when its signature and claims verify and its session is still active. */
public final class CallerAuthenticator implements Authenticator<String, Caller> {
    private final TokenService tokens;
    private final SessionCache sessions;

    public CallerAuthenticator(TokenService tokens, SessionCache sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        return tokens.verifyAccess(token)
                .filter(claims -> sessions.isActive(claims.sessionId()))
                .map(claims -> new Caller(claims.userId(), claims.sessionId(), claims.mfa()));
    }
}
