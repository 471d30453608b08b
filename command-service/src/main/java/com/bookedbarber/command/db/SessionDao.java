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
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Sessions and their rotating refresh tokens. */
@RegisterRowMapper(SessionDao.RefreshMapper.class)
public interface SessionDao {
    /** A refresh token with the state of its session. */
    record Refresh(UUID sessionId, UUID userId, boolean mfaVerified, boolean rotated, boolean sessionActive) {
    }

    @SqlUpdate("INSERT INTO sessions (id, user_id, mfa_verified, expires_at) VALUES (:id, :userId, :mfa, :expiresAt)")
    void insertSession(@Bind("id") UUID id, @Bind("userId") UUID userId, @Bind("mfa") boolean mfaVerified,
                       @Bind("expiresAt") OffsetDateTime expiresAt);

    @SqlUpdate("INSERT INTO refresh_tokens (token_hash, session_id) VALUES (:hash, :sessionId)")
    void insertRefresh(@Bind("hash") byte[] tokenHash, @Bind("sessionId") UUID sessionId);

    @SqlQuery("SELECT r.session_id, s.user_id, s.mfa_verified, r.rotated_at IS NOT NULL AS rotated, "
            + "(s.revoked_at IS NULL AND s.expires_at > now()) AS session_active "
            + "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.token_hash = :hash")
    Optional<Refresh> findRefresh(@Bind("hash") byte[] tokenHash);

    /** 1 when this call rotated the token; 0 when it was rotated already (a reuse or a race). */
    @SqlUpdate("UPDATE refresh_tokens SET rotated_at = now() WHERE token_hash = :hash AND rotated_at IS NULL")
    int rotate(@Bind("hash") byte[] tokenHash);

    @SqlUpdate("UPDATE sessions SET revoked_at = now(), revoke_reason = :reason WHERE id = :id AND revoked_at IS NULL")
    int revoke(@Bind("id") UUID sessionId, @Bind("reason") String reason);

    @SqlQuery("SELECT revoked_at IS NULL AND expires_at > now() FROM sessions WHERE id = :id")
    Optional<Boolean> isActive(@Bind("id") UUID sessionId);

    final class RefreshMapper implements RowMapper<Refresh> {
        @Override
        public Refresh map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Refresh(rs.getObject("session_id", UUID.class), rs.getObject("user_id", UUID.class),
                    rs.getBoolean("mfa_verified"), rs.getBoolean("rotated"), rs.getBoolean("session_active"));
        }
    }
}
