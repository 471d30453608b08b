package com.bookedbarber.command.service;

import com.bookedbarber.command.auth.PasswordHasher;
import com.bookedbarber.command.auth.SecretBox;
import com.bookedbarber.command.auth.TokenHashes;
import com.bookedbarber.command.auth.Totp;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.db.MfaDao;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * TOTP second factor: setup (secret encrypted at rest, 10 single-use backup codes stored
 * hashed), enable, verification during login, disable. Five wrong codes lock MFA for 15 minutes;
 * a code's time step is accepted once, so a seen code cannot be replayed.
 */
public final class MfaService {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    private static final String ISSUER = "BookedBarber";
    private static final char[] BACKUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Setup(String secret, String otpauthUri, List<String> backupCodes) {
    }

    private final Jdbi primary;
    private final SecretBox box;
    private final PasswordHasher passwords;
    private final Clock clock;

    public MfaService(Jdbi primary, SecretBox box, PasswordHasher passwords, Clock clock) {
        this.primary = primary;
        this.box = box;
        this.passwords = passwords;
        this.clock = clock;
    }

    public Setup setup(UUID userId) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(backupCode());
        }
        return primary.inTransaction(h -> {
            MfaDao dao = h.attach(MfaDao.class);
            MfaDao.MfaState state = dao.lockState(userId).orElseThrow(() -> DomainException.notFound("User"));
            if (state.enabled()) {
                throw DomainException.conflict("mfa_already_enabled", "Disable MFA before setting it up again");
            }
            dao.storePendingSecret(userId, box.seal(secret));
            dao.deleteBackupCodes(userId);
            dao.insertBackupCodes(userId, codes.stream().map(MfaService::hashCode).toList());
            return new Setup(Totp.base32(secret), Totp.otpauthUri(ISSUER, state.email(), secret), codes);
        });
    }

    public void enable(UUID userId, String code) {
        primary.useTransaction(h -> {
            MfaDao dao = h.attach(MfaDao.class);
            MfaDao.MfaState state = dao.lockState(userId).orElseThrow(() -> DomainException.notFound("User"));
            if (state.enabled()) {
                throw DomainException.conflict("mfa_already_enabled", "MFA is already enabled");
            }
            if (state.secretEncrypted() == null) {
                throw DomainException.conflict("mfa_not_set_up", "Call /mfa/setup first");
            }
            OptionalLong step = Totp.matchingStep(box.open(state.secretEncrypted()), code, clock.instant());
            if (step.isEmpty()) {
                throw DomainException.invalidField("code", "does not match the authenticator");
            }
            dao.setEnabled(userId, true);
            dao.recordSuccess(userId, step.getAsLong());
        });
    }

    /**
     * Checks a login's second factor: a TOTP code or an unused backup code. Failures are
     * committed even though the call then fails, so the lockout cannot be dodged.
     */
    public void verify(UUID userId, String code) {
        DomainException failure = primary.inTransaction(h -> {
            MfaDao dao = h.attach(MfaDao.class);
            MfaDao.MfaState state = dao.lockState(userId)
                    .orElseThrow(() -> DomainException.unauthenticated("invalid_mfa_token", "The MFA token is invalid"));
            if (!state.enabled() || state.secretEncrypted() == null) {
                return DomainException.unauthenticated("invalid_mfa_token", "MFA is not enabled for this account");
            }
            Instant now = clock.instant();
            if (state.lockedUntil() != null && state.lockedUntil().toInstant().isAfter(now)) {
                return locked();
            }
            if (accepts(dao, state, code, now)) {
                return null;
            }
            int failures = state.failedAttempts() + 1;
            boolean lock = failures >= MAX_FAILURES;
            dao.recordFailure(userId, lock ? 0 : failures, lock ? now.plus(LOCK).atOffset(ZoneOffset.UTC) : null);
            return lock ? locked() : DomainException.unauthenticated("invalid_mfa_code", "The code is not valid");
        });
        if (failure != null) {
            throw failure;
        }
    }

    public void disable(UUID userId, String password, String code) {
        MfaDao.MfaState state = primary.withExtension(MfaDao.class, dao -> dao.lockState(userId))
                .orElseThrow(() -> DomainException.notFound("User"));
        if (password == null || !passwords.verify(password, state.passwordHash())) {
            throw DomainException.unauthenticated("invalid_credentials", "Wrong password");
        }
        verify(userId, code);
        primary.useTransaction(h -> {
            h.attach(MfaDao.class).clear(userId);
            h.attach(MfaDao.class).deleteBackupCodes(userId);
        });
    }

    private boolean accepts(MfaDao dao, MfaDao.MfaState state, String code, Instant now) {
        if (code == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(box.open(state.secretEncrypted()), code, now);
        if (step.isPresent() && (state.lastStep() == null || step.getAsLong() > state.lastStep())) {
            dao.recordSuccess(state.userId(), step.getAsLong());
            return true;
        }
        if (code.length() <= 32 && dao.useBackupCode(state.userId(), hashCode(code)) == 1) {
            dao.recordSuccess(state.userId(), null);
            return true;
        }
        return false;
    }

    private static DomainException locked() {
        return new DomainException(DomainException.Kind.UNAUTHENTICATED, "mfa_locked",
                "Too many wrong codes; MFA is locked for 15 minutes");
    }

    private static String backupCode() {
        char[] code = new char[11];
        for (int i = 0; i < code.length; i++) {
            code[i] = i == 5 ? '-' : BACKUP_ALPHABET[RANDOM.nextInt(BACKUP_ALPHABET.length)];
        }
        return new String(code);
    }

    /** Backup codes are compared without dashes, spaces or letter case. */
    private static byte[] hashCode(String code) {
        return TokenHashes.sha256(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
    }
}
