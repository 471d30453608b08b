package com.bookedbarber.command.auth;

import java.security.Principal;
import java.util.UUID;

/** The authenticated user of a request and the session its token belongs to. */
public record Caller(UUID userId, UUID sessionId, boolean mfaVerified) implements Principal {
    @Override
    public String getName() {
        return userId.toString();
    }
}
