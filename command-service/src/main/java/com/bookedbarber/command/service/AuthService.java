package com.bookedbarber.command.service;

import com.bookedbarber.command.auth.PasswordHasher;
import com.bookedbarber.command.auth.PasswordPolicy;
import com.bookedbarber.command.auth.SessionCache;
import com.bookedbarber.command.auth.TokenHashes;
import com.bookedbarber.command.auth.TokenService;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.Ids;
import com.bookedbarber.command.db.SessionDao;
import com.bookedbarber.command.db.UserDao;
import com.bookedbarber.platform.db.SqlStates;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Accounts and sessions: register, log in, rotate refresh tokens, log out. */
public final class AuthService {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    /** A new session's tokens, for the resource to hand out as JSON or cookies. */
    public record Tokens(UserDao.User user, UUID sessionId, String accessToken, String refreshToken,
                         long expiresInSeconds) {
    }

    /** The outcome of a password login: tokens, or a challenge when the account has MFA. */
    public record LoginResult(Tokens tokens, String mfaToken) {
    }

    private final Jdbi primary;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final SessionCache sessions;
    private final Clock clock;
    private final Duration sessionLifetime;

    public AuthService(Jdbi primary, PasswordHasher hasher, TokenService tokens, SessionCache sessions, Clock clock,
                       Duration sessionLifetime) {
        this.primary = primary;
        this.hasher = hasher;
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    public Tokens register(String email, String password, String name, String phone) {
        String normalized = email.trim();
        if (!EMAIL.matcher(normalized).matches()) {
            throw DomainException.invalidField("email", "is not an e-mail address");
        }
        PasswordPolicy.check(password);
        String hash = hasher.hash(password);
        UUID id = Ids.newId();
        try {
            return primary.inTransaction(h -> {
                h.attach(UserDao.class).insert(id, normalized, name.trim(), phone, hash);
                return openSession(h, h.attach(UserDao.class).find(id).orElseThrow(), false);
            });
        } catch (JdbiException e) {
            if (SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                throw DomainException.conflict("email_taken", "An account with this e-mail exists");
            }
            throw e;
        }
    }

    /** Same answer and the same hashing work for an unknown e-mail and a wrong password. */
    public LoginResult login(String email, String password) {
        Optional<UserDao.User> user = primary.withExtension(UserDao.class,
                dao -> dao.findByEmail(email.trim().toLowerCase(Locale.ROOT)));
        boolean valid = hasher.verify(password, user.map(UserDao.User::passwordHash).orElse(null));
        if (user.isEmpty() || !valid) {
            throw DomainException.unauthenticated("invalid_credentials", "Wrong e-mail or password");
        }
        if (user.get().mfaEnabled()) {
            return new LoginResult(null, tokens.issueMfaChallenge(user.get().id()));
        }
        return new LoginResult(primary.inTransaction(h -> openSession(h, user.get(), false)), null);
    }

    /** Opens a session for a user who has just proven a second factor. */
    public Tokens openMfaSession(UUID userId) {
        return primary.inTransaction(h -> openSession(h, h.attach(UserDao.class).find(userId)
                .orElseThrow(() -> DomainException.unauthenticated("invalid_token", "Unknown account")), true));
    }

    /**
     * Rotates a refresh token. A token that was rotated already means it leaked (or was
     * replayed): the whole session is revoked, so the thief's copy dies with the owner's.
     */
    public Tokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw DomainException.unauthenticated("invalid_refresh_token", "A refresh token is required");
        }
        byte[] hash = TokenHashes.sha256(refreshToken);
        Tokens result = primary.inTransaction(h -> {
            SessionDao dao = h.attach(SessionDao.class);
            SessionDao.Refresh found = dao.findRefresh(hash)
                    .orElseThrow(() -> DomainException.unauthenticated("invalid_refresh_token", "Unknown refresh token"));
            if (found.rotated() || dao.rotate(hash) == 0) {
                return null;
            }
            if (!found.sessionActive()) {
                throw DomainException.unauthenticated("invalid_refresh_token", "The session has ended");
            }
            String next = TokenHashes.newToken();
            dao.insertRefresh(TokenHashes.sha256(next), found.sessionId());
            UserDao.User user = h.attach(UserDao.class).find(found.userId()).orElseThrow();
            return new Tokens(user, found.sessionId(),
                    tokens.issueAccess(user.id(), found.sessionId(), found.mfaVerified()), next,
                    tokens.accessLifetimeSeconds());
        });
        if (result == null) {
            SessionDao.Refresh reused = primary.withExtension(SessionDao.class, dao -> dao.findRefresh(hash)).orElseThrow();
            revoke(reused.sessionId(), "refresh_token_reused");
            throw DomainException.unauthenticated("refresh_token_reused",
                    "This refresh token was used before; the session has been revoked");
        }
        return result;
    }

    public void logout(UUID sessionId) {
        revoke(sessionId, "logout");
    }

    private void revoke(UUID sessionId, String reason) {
        primary.useExtension(SessionDao.class, dao -> dao.revoke(sessionId, reason));
        sessions.invalidate(sessionId);
    }

    private Tokens openSession(Handle h, UserDao.User user, boolean mfaVerified) {
        UUID sessionId = Ids.newId();
        SessionDao dao = h.attach(SessionDao.class);
        dao.insertSession(sessionId, user.id(), mfaVerified, clock.instant().plus(sessionLifetime).atOffset(ZoneOffset.UTC));
        String refresh = TokenHashes.newToken();
        dao.insertRefresh(TokenHashes.sha256(refresh), sessionId);
        return new Tokens(user, sessionId, tokens.issueAccess(user.id(), sessionId, mfaVerified), refresh,
                tokens.accessLifetimeSeconds());
    }
}
