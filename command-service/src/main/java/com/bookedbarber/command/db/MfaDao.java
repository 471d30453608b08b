package com.bookedbarber.command.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A user's second factor: the encrypted TOTP seed, failure counter, lock and backup codes. */
@RegisterRowMapper(MfaDao.MfaStateMapper.class)
public interface MfaDao {
    record MfaState(UUID userId, String email, String passwordHash, byte[] secretEncrypted, boolean enabled,
                    int failedAttempts, OffsetDateTime lockedUntil, Long lastStep) {
    }

    /** Locks the user's row: concurrent verifications are serialised, so counters and steps hold. */
    @SqlQuery("SELECT id, email, password_hash, mfa_secret_encrypted, mfa_enabled, mfa_failed_attempts, "
            + "mfa_locked_until, mfa_last_step FROM users WHERE id = :id FOR UPDATE")
    Optional<MfaState> lockState(@Bind("id") UUID userId);

    @SqlUpdate("UPDATE users SET mfa_secret_encrypted = :secret, mfa_enabled = false, mfa_failed_attempts = 0, "
            + "mfa_last_step = NULL WHERE id = :id")
    void storePendingSecret(@Bind("id") UUID userId, @Bind("secret") byte[] secretEncrypted);

    @SqlUpdate("UPDATE users SET mfa_enabled = :enabled WHERE id = :id")
    void setEnabled(@Bind("id") UUID userId, @Bind("enabled") boolean enabled);

    @SqlUpdate("UPDATE users SET mfa_secret_encrypted = NULL, mfa_enabled = false, mfa_failed_attempts = 0, "
            + "mfa_locked_until = NULL, mfa_last_step = NULL WHERE id = :id")
    void clear(@Bind("id") UUID userId);

    @SqlUpdate("UPDATE users SET mfa_failed_attempts = 0, mfa_last_step = coalesce(:step, mfa_last_step) WHERE id = :id")
    void recordSuccess(@Bind("id") UUID userId, @Bind("step") Long step);

    @SqlUpdate("UPDATE users SET mfa_failed_attempts = :attempts, mfa_locked_until = :lockedUntil WHERE id = :id")
    void recordFailure(@Bind("id") UUID userId, @Bind("attempts") int attempts,
                       @Bind("lockedUntil") OffsetDateTime lockedUntil);

    @SqlUpdate("DELETE FROM mfa_backup_codes WHERE user_id = :id")
    void deleteBackupCodes(@Bind("id") UUID userId);

    @SqlBatch("INSERT INTO mfa_backup_codes (user_id, code_hash) VALUES (:id, :hash)")
    void insertBackupCodes(@Bind("id") UUID userId, @Bind("hash") Iterable<byte[]> hashes);

    /** 1 when an unused code matched and is now spent. */
    @SqlUpdate("UPDATE mfa_backup_codes SET used_at = now() WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL")
    int useBackupCode(@Bind("id") UUID userId, @Bind("hash") byte[] hash);

    final class MfaStateMapper implements RowMapper<MfaState> {
        @Override
        public MfaState map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MfaState(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                    rs.getBytes("mfa_secret_encrypted"), rs.getBoolean("mfa_enabled"), rs.getInt("mfa_failed_attempts"),
                    rs.getObject("mfa_locked_until", OffsetDateTime.class), rs.getObject("mfa_last_step", Long.class));
        }
    }
}
