package com.bookedbarber.command.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(IdempotencyDao.StoredMapper.class)
public interface IdempotencyDao {
    record Stored(byte[] requestHash, String state, Integer status, String headers, byte[] body,
                  OffsetDateTime createdAt) {
    }

    /** 1 when this request claimed the key; 0 when a request with it exists already. */
    @SqlUpdate("INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, state) "
            + "VALUES (:scope, :key, :hash, 'in_flight') ON CONFLICT DO NOTHING")
    int claim(@Bind("scope") String scope, @Bind("key") String key, @Bind("hash") byte[] requestHash);

    @SqlQuery("SELECT request_hash, state, response_status, response_headers, response_body, created_at "
            + "FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key")
    Optional<Stored> find(@Bind("scope") String scope, @Bind("key") String key);

    /** Takes over a claim whose request died without answering (crash): 1 when taken over. */
    @SqlUpdate("UPDATE idempotency_keys SET created_at = now() WHERE scope = :scope AND idempotency_key = :key "
            + "AND state = 'in_flight' AND created_at < :staleBefore")
    int takeOver(@Bind("scope") String scope, @Bind("key") String key, @Bind("staleBefore") OffsetDateTime staleBefore);

    @SqlUpdate("UPDATE idempotency_keys SET state = 'done', response_status = :status, response_headers = :headers, "
            + "response_body = :body, completed_at = now() WHERE scope = :scope AND idempotency_key = :key")
    void complete(@Bind("scope") String scope, @Bind("key") String key, @Bind("status") int status,
                  @Bind("headers") String headers, @Bind("body") byte[] body);

    /** Forgets a claim whose request failed on our side (5xx), so a retry runs again. */
    @SqlUpdate("DELETE FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key AND state = 'in_flight'")
    void release(@Bind("scope") String scope, @Bind("key") String key);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE created_at < :before")
    int deleteOlderThan(@Bind("before") OffsetDateTime before);

    final class StoredMapper implements RowMapper<Stored> {
        @Override
        public Stored map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Stored(rs.getBytes("request_hash"), rs.getString("state"), rs.getObject("response_status", Integer.class),
                    rs.getString("response_headers"), rs.getBytes("response_body"),
                    rs.getObject("created_at", OffsetDateTime.class));
        }
    }
}
